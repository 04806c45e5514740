using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace RlGameTester.Data.Maps;

internal sealed class MapConfiguration : IEntityTypeConfiguration<Map>
{
    public void Configure(EntityTypeBuilder<Map> map)
    {
        map.ToTable("maps");
        map.Property(m => m.Name).HasMaxLength(255);
        map.Property(m => m.LevelName).HasMaxLength(64);
        map.Property(m => m.FilePath).HasMaxLength(1024);
        map.Property(m => m.FileHash).HasMaxLength(64).IsFixedLength(false);
        map.Property(m => m.BlobName).HasMaxLength(255);
        map.Property(m => m.Scenario).HasMaxLength(100);
        map.Property(m => m.Metadata).HasColumnType("jsonb");
        map.Property(m => m.Iwad).HasMaxLength(64);
        map.Property(m => m.Resources).HasMaxLength(65 * 64);
        map.Property(m => m.Compatibility).HasMaxLength(16);
        map.Property(m => m.LoadHash).HasMaxLength(64).HasDefaultValue("");
        map.HasIndex(m => m.Name);
        map.HasIndex(m => m.Scenario);
        // One row per level of a file and load order: uploading the same bytes with the same load order twice finds
        // these instead of adding more.
        map.HasIndex(m => new { m.FileHash, m.LevelName, m.LoadHash }).IsUnique();
        map.HasMany(m => m.Runs).WithOne(r => r.Map).HasForeignKey(r => r.MapId).OnDelete(DeleteBehavior.Cascade);
    }
}
