using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RlGameTester.Data.Maps;
using RlGameTester.Data.Runs;
using RlGameTester.Domain;

namespace RlGameTester.Data.Reports;

internal sealed class ReportConfiguration : IEntityTypeConfiguration<Report>
{
    public void Configure(EntityTypeBuilder<Report> report)
    {
        report.ToTable("reports");
        report.Property(r => r.Subject).HasConversion(v => SnakeCase.Of(v), text => SnakeCase.Parse<ReportSubject>(text)).HasMaxLength(8);
        report.Property(r => r.Generator).HasConversion(v => SnakeCase.Of(v), text => SnakeCase.Parse<ReportGenerator>(text)).HasMaxLength(16);
        report.Property(r => r.Content).HasColumnType("jsonb");
        report.Property(r => r.Model).HasMaxLength(255);
        report.Property(r => r.FallbackReason).HasMaxLength(1024);
        report.Property(r => r.EvidenceFingerprint).HasMaxLength(64);
        report.HasOne<Run>().WithMany().HasForeignKey(r => r.RunId).OnDelete(DeleteBehavior.Cascade);
        report.HasOne<Map>().WithMany().HasForeignKey(r => r.MapId).OnDelete(DeleteBehavior.Cascade);
        // One current report per run and one per map: a rewrite replaces it.
        report.HasIndex(r => r.RunId).IsUnique();
        report.HasIndex(r => r.MapId, "ix_reports_map_report").IsUnique().HasFilter("subject = 'map'").HasDatabaseName("ix_reports_map_report");
        report.HasIndex(r => r.MapId);
    }
}
