using Consultation.Data;
using Microsoft.EntityFrameworkCore.Design;

namespace Consultation.Migrations.PostgreSql;

public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args) => DesignTime.CreateContext(DatabaseProvider.PostgreSql);
}
