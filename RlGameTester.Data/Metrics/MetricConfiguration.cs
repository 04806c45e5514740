using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace RlGameTester.Data.Metrics;

internal sealed class MetricConfiguration : IEntityTypeConfiguration<Metric>
{
    public void Configure(EntityTypeBuilder<Metric> metric)
    {
        metric.ToTable("metrics");
        metric.HasIndex(m => m.RunId).IsUnique();
        metric.HasIndex(m => m.HardnessScore);
        metric.Property(m => m.HardnessBand).HasMaxLength(16);
        metric.Property(m => m.HardnessFactors).HasColumnType("jsonb");
    }
}
