using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using RlGameTester.Data.Bugs;
using RlGameTester.Data.Events;
using RlGameTester.Data.Keys;
using RlGameTester.Data.Maps;
using RlGameTester.Data.Metrics;
using RlGameTester.Data.Projects;
using RlGameTester.Data.Reports;
using RlGameTester.Data.Runs;
using RlGameTester.Domain;
using RlGameTester.Domain.Bugs;
using RlGameTester.Domain.Events;

namespace RlGameTester.Data;

/// <summary>The RlGameTester database: maps, runs, events, metrics, bugs, reports and the API's keys.</summary>
public sealed class RlgtDbContext(DbContextOptions<RlgtDbContext> options) : DbContext(options)
{
    public DbSet<Map> Maps => Set<Map>();

    public DbSet<Run> Runs => Set<Run>();

    public DbSet<RunEvent> Events => Set<RunEvent>();

    public DbSet<Metric> Metrics => Set<Metric>();

    public DbSet<Bug> Bugs => Set<Bug>();

    public DbSet<Report> Reports => Set<Report>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    public DbSet<Project> Projects => Set<Project>();

    public DbSet<LevelRevision> LevelRevisions => Set<LevelRevision>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(RlgtDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored as their snake_case names: readable in psql, stable when values are added.
        configurationBuilder.Properties<RunStatus>().HaveConversion<SnakeCaseConverter<RunStatus>>().HaveMaxLength(32);
        configurationBuilder.Properties<RunType>().HaveConversion<SnakeCaseConverter<RunType>>().HaveMaxLength(32);
        configurationBuilder.Properties<EventType>().HaveConversion<SnakeCaseConverter<EventType>>().HaveMaxLength(32);
        configurationBuilder.Properties<BugType>().HaveConversion<SnakeCaseConverter<BugType>>().HaveMaxLength(48);
        configurationBuilder.Properties<BugSeverity>().HaveConversion<SnakeCaseConverter<BugSeverity>>().HaveMaxLength(16);
        configurationBuilder.Properties<DetectionSource>().HaveConversion<SnakeCaseConverter<DetectionSource>>().HaveMaxLength(16);
        configurationBuilder.Properties<TriageStatus>().HaveConversion<SnakeCaseConverter<TriageStatus>>().HaveMaxLength(16);
        configurationBuilder.Properties<DateTime>().HaveColumnType("timestamp with time zone");
    }

    private sealed class SnakeCaseConverter<TEnum>() : ValueConverter<TEnum, string>(
        value => SnakeCase.Of(value),
        text => SnakeCase.Parse<TEnum>(text))
        where TEnum : struct, Enum;
}
