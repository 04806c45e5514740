using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RlGameTester.Data.Events;

namespace RlGameTester.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>The connection name of the database in configuration and in the AppHost.</summary>
    public const string ConnectionName = "rlgt";

    /// <summary>
    /// The database for a service: the EF Core context (with Aspire's health check, tracing and metrics),
    /// the bulk event writer, and the migrator that brings the schema up to date before the service starts.
    /// </summary>
    public static IHostApplicationBuilder AddRlgtDatabase(this IHostApplicationBuilder builder)
    {
        builder.AddNpgsqlDbContext<RlgtDbContext>(
            ConnectionName,
            settings =>
            {
                // Units of work here open their own transactions (bulk COPY, lifecycle updates);
                // EF's retrying strategy refuses those. Failed jobs are retried by the queue instead.
                settings.DisableRetry = true;
            },
            options => options.UseSnakeCaseNamingConvention());

        builder.Services.AddSingleton<EventBulkWriter>();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddHostedService<DatabaseMigrator>();
        return builder;
    }
}
