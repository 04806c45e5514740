using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace RlGameTester.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without a running server.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<RlgtDbContext>
{
    public RlgtDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<RlgtDbContext>()
            .UseNpgsql("Host=localhost;Database=rlgt")
            .UseSnakeCaseNamingConvention()
            .Options);
}
