using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace RlGameTester.Data.Projects;

internal sealed class ProjectConfiguration : IEntityTypeConfiguration<Project>, IEntityTypeConfiguration<LevelRevision>
{
    public void Configure(EntityTypeBuilder<Project> project)
    {
        project.ToTable("projects");
        project.Property(p => p.Name).HasMaxLength(200);
        project.Property(p => p.CreatedBy).HasMaxLength(200);
        project.HasIndex(p => p.Name).IsUnique();
        project.HasMany(p => p.Revisions).WithOne(r => r.Project).HasForeignKey(r => r.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<LevelRevision> revision)
    {
        revision.ToTable("level_revisions");
        revision.Property(r => r.LevelName).HasMaxLength(64);
        // Two uploads numbering the same revision at once: one of them fails here and numbers again.
        revision.HasIndex(r => new { r.ProjectId, r.LevelName, r.Revision }).IsUnique();
        // Deleting a map deletes its revisions: what is left of the level's history stays numbered as it was.
        revision.HasOne(r => r.Map).WithMany().HasForeignKey(r => r.MapId).OnDelete(DeleteBehavior.Cascade);
    }
}
