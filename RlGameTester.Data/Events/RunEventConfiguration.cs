using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RlGameTester.Data.Runs;

namespace RlGameTester.Data.Events;

internal sealed class RunEventConfiguration : IEntityTypeConfiguration<RunEvent>
{
    public void Configure(EntityTypeBuilder<RunEvent> runEvent)
    {
        runEvent.ToTable("events");
        runEvent.Property(e => e.Data).HasColumnType("jsonb");
        runEvent.HasOne<Run>().WithMany().HasForeignKey(e => e.RunId).OnDelete(DeleteBehavior.Cascade);
        // The endpoints read events by run (in id order), by run and type, by run and episode, and by run and time.
        runEvent.HasIndex(e => new { e.RunId, e.Id });
        runEvent.HasIndex(e => new { e.RunId, e.EventType });
        runEvent.HasIndex(e => new { e.RunId, e.Episode });
        runEvent.HasIndex(e => new { e.RunId, e.Timestamp });
        // An agent's stream position is recorded once per run: a replayed batch cannot double the telemetry.
        runEvent.HasIndex(e => new { e.RunId, e.Seq }).IsUnique().HasFilter("seq IS NOT NULL");
    }
}
