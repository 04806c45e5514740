using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RlGameTester.Data.Metrics;

namespace RlGameTester.Data.Runs;

internal sealed class RunConfiguration : IEntityTypeConfiguration<Run>
{
    public void Configure(EntityTypeBuilder<Run> run)
    {
        run.ToTable("runs");
        run.Property(r => r.Agent).HasMaxLength(32);
        run.Property(r => r.AgentModel).HasMaxLength(1024);
        run.Property(r => r.Scenario).HasMaxLength(100);
        run.Property(r => r.CreatedBy).HasMaxLength(160);
        // The runs one caller has playing (the per-caller quota at start).
        run.HasIndex(r => new { r.CreatedBy, r.Status });
        run.Property(r => r.Config).HasColumnType("jsonb");
        run.Property(r => r.LogPath).HasMaxLength(1024);
        run.HasIndex(r => r.MapId);
        run.HasIndex(r => new { r.Status, r.CreatedAt });
        run.HasOne(r => r.Metrics).WithOne().HasForeignKey<Metric>(m => m.RunId).OnDelete(DeleteBehavior.Cascade);
    }
}
