using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RlGameTester.Data.Maps;
using RlGameTester.Data.Runs;

namespace RlGameTester.Data.Bugs;

internal sealed class BugConfiguration : IEntityTypeConfiguration<Bug>
{
    public void Configure(EntityTypeBuilder<Bug> bug)
    {
        bug.ToTable("bugs");
        bug.Property(b => b.Title).HasMaxLength(255);
        bug.Property(b => b.CheckName).HasMaxLength(64);
        bug.Property(b => b.ElementKind).HasMaxLength(16);
        bug.Property(b => b.ScreenshotPath).HasMaxLength(1024);
        bug.Property(b => b.VideoClipPath).HasMaxLength(1024);
        bug.Property(b => b.Data).HasColumnType("jsonb");
        bug.HasOne<Run>().WithMany().HasForeignKey(b => b.RunId).OnDelete(DeleteBehavior.Cascade);
        bug.HasOne<Map>().WithMany().HasForeignKey(b => b.MapId).OnDelete(DeleteBehavior.Cascade);
        bug.HasIndex(b => b.RunId);
        bug.HasIndex(b => new { b.MapId, b.DetectionSource });
        bug.HasIndex(b => new { b.Severity, b.Id });
        bug.HasIndex(b => b.BugType);
        // A mark is at most one per finding and shown with every finding: columns of the bug (triage_*), read without a
        // join, filtered on directly, and gone with the finding. No key to the bug it was carried from: that one may go.
        bug.ComplexProperty(b => b.Triage, triage =>
        {
            triage.Property(t => t.Note).HasMaxLength(FindingTriage.MaxNoteLength);
            triage.Property(t => t.MarkedBy).HasMaxLength(200);
        });
    }
}
