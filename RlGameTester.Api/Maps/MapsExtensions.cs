using Microsoft.AspNetCore.Http.Features;

namespace RlGameTester.Api.Maps;

internal static class MapsExtensions
{
    /// <summary>Level files: upload limits, the import folder, the ingestion of WADs and their revisions in projects.</summary>
    public static IHostApplicationBuilder AddMaps(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<MapOptions>().BindConfiguration(MapOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<FormOptions>().Configure<Microsoft.Extensions.Options.IOptions<MapOptions>>((form, maps) =>
            form.MultipartBodyLengthLimit = Math.Max(form.MultipartBodyLengthLimit, maps.Value.MaxUploadBytes + (64 * 1024)));
        builder.Services.AddOptions<Domain.Levels.IwadFolderOptions>().BindConfiguration(Domain.Levels.IwadFolderOptions.SectionName);
        builder.Services.AddScoped<WadIngestion>();
        builder.Services.AddSingleton<MapGeometryCache>();
        builder.Services.AddScoped<Projects.ProjectRevisions>();
        return builder;
    }
}
