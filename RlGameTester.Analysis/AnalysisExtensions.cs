using Microsoft.Extensions.DependencyInjection.Extensions;
using RlGameTester.Analysis.Frames;
using RlGameTester.Analysis.Levels;
using RlGameTester.Analysis.Rendering;
using RlGameTester.Analysis.Reports;
using RlGameTester.Analysis.Runs;
using RlGameTester.Analysis.Shots;
using RlGameTester.Data.Frames;
using RlGameTester.Messaging;
using RlGameTester.Messaging.Jobs;

namespace RlGameTester.Analysis;

internal static class AnalysisExtensions
{
    /// <summary>Consumes the analysis queue: finished runs, their frames and uploaded level files.</summary>
    public static IHostApplicationBuilder AddAnalysis(this IHostApplicationBuilder builder)
    {
        builder.AddFrameChecks();
        builder.AddRendering();
        builder.Services.AddOptions<IwadOptions>().BindConfiguration(IwadOptions.SectionName);
        builder.Services.AddOptions<Domain.Levels.IwadFolderOptions>().BindConfiguration(Domain.Levels.IwadFolderOptions.SectionName);
        builder.Services.AddSingleton<Iwads>();
        builder.Services.AddOptions<ShotOptions>().BindConfiguration(ShotOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<FindingShots>();
        builder.Services.AddScoped<RunShots>();
        builder.Services.TryAddSingleton<RunFrameStore>();
        builder.AddReports();
        builder.AddJobHandler<AnalyseRun, RunAnalysis>();
        builder.AddJobHandler<AnalyseFrames, RunFrameAnalysis>();
        builder.AddJobHandler<CheckWad, LevelCheckAnalysis>();
        return builder;
    }
}
