using Microsoft.AspNetCore.Authentication.Cookies;
using RlGameTester.Web.Api;
using RlGameTester.Web.Components;
using RlGameTester.Web.Signing;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();

builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddCascadingAuthenticationState();
builder.Services.AddHttpContextAccessor();
var entra = EntraSettings.From(builder.Configuration);
var authentication = builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
    .AddCookie(options =>
    {
        options.LoginPath = SignInEndpoints.SignInPath;
        options.Cookie.Name = "rlgt";
        options.Cookie.HttpOnly = true;
        // Lax with Microsoft sign-in: the browser comes back from Entra's site, and a Strict cookie set on that way
        // back would not be sent with the redirect to the page, which would then ask the person to sign in again.
        options.Cookie.SameSite = entra.IsConfigured ? SameSiteMode.Lax : SameSiteMode.Strict;
        options.ExpireTimeSpan = TimeSpan.FromHours(8);
        options.SlidingExpiration = true;
        options.Events.OnValidatePrincipal = EntraSignIn.ValidatePrincipalAsync;
        options.Events.OnRedirectToLogin = EntraSignIn.RedirectToSignInAsync;
        options.Events.OnSigningIn = EntraSignIn.ForgetEndedSignInAsync;
    });
if (entra.IsConfigured)
{
    authentication.AddEntraSignIn(entra);
}

builder.Services.AddSingleton(entra);
builder.Services.AddAuthorization();
builder.Services.AddApiCredentials();
builder.Services.AddMemoryCache();
builder.Services.AddScoped<PrerenderHandOff>();
builder.Services.AddScoped<RunProgressFeed>();
builder.Services.AddSingleton(PageSizes.From(builder.Configuration));

// The Api through service discovery ("https+http://api" prefers HTTPS where the Api has it), with the resilience
// and telemetry the service defaults give every HTTP client.
var apiAddress = new Uri(builder.Configuration["Api:BaseAddress"] ?? "https+http://api");
builder.Services.AddHttpClient<RlgtApi>(client => client.BaseAddress = apiAddress);

// Uploads stream from the browser through to the Api once: a retry would send a stream already read, and the
// standard handler's 10 s attempt timeout would cut off the Api while it reads a large megawad.
#pragma warning disable EXTEXP0001 // RemoveAllResilienceHandlers is marked experimental; it is the documented way out.
builder.Services.AddHttpClient(RlgtApi.UploadClient, client =>
{
    client.BaseAddress = apiAddress;
    client.Timeout = TimeSpan.FromMinutes(10);
}).RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001

var app = builder.Build();
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error", createScopeForErrors: true);
}

app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();
app.MapStaticAssets();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
app.MapSignIn();
app.MapMedia();
app.MapDefaultEndpoints();
app.Run();
