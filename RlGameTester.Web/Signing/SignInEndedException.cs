using System.Net;
using RlGameTester.Web.Api;

namespace RlGameTester.Web.Signing;

/// <summary>The Microsoft sign-in could not be renewed: the person must sign in again, and is told why.</summary>
public sealed class SignInEndedException(string reason)
    : ApiProblemException(HttpStatusCode.Unauthorized, "Your Microsoft sign-in has ended", $"{reason} Sign in again.")
{
    public string Reason { get; } = reason;
}
