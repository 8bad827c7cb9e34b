using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Waymark.Domain.Common;
using Waymark.Domain.Evaluations;
using Waymark.Domain.Improvements;
using Waymark.Domain.Journeys;
using Waymark.Domain.Kpis;
using Waymark.Domain.Organisation;
using Waymark.Domain.Personas;
using Waymark.Domain.Touchpoints;
using Waymark.Domain.Workspaces;
using Waymark.Storage.Access;

namespace Waymark.Storage;

/// <summary>The one DbContext; used directly by handlers (see docs/decisions/0001-dbcontext-without-repositories.md).</summary>
/// <remarks>It also holds the accounts (ASP.NET Core Identity), workspace members, API tokens, the audit trail and the data-protection keys.</remarks>
public class WaymarkDb(DbContextOptions<WaymarkDb> options) : IdentityDbContext<WaymarkUser>(options), IDataProtectionKeyContext
{
    public DbSet<Workspace> Workspaces => Set<Workspace>();
    public DbSet<Phase> Phases => Set<Phase>();
    public DbSet<Channel> Channels => Set<Channel>();
    public DbSet<Department> Departments => Set<Department>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<Persona> Personas => Set<Persona>();
    public DbSet<PersonaPictureRow> PersonaPictures => Set<PersonaPictureRow>();
    public DbSet<Touchpoint> Touchpoints => Set<Touchpoint>();
    public DbSet<Journey> Journeys => Set<Journey>();
    public DbSet<Stage> Stages => Set<Stage>();
    public DbSet<Step> Steps => Set<Step>();
    public DbSet<Evaluation> Evaluations => Set<Evaluation>();
    /// <summary>Derived from <see cref="Evaluations"/> by <see cref="Scores.ScoreKeeper"/> in every save; never written by hand.</summary>
    public DbSet<Scores.KeptScore> KeptScores => Set<Scores.KeptScore>();
    public DbSet<Kpi> Kpis => Set<Kpi>();
    public DbSet<KpiMeasurement> KpiMeasurements => Set<KpiMeasurement>();
    public DbSet<Improvement> Improvements => Set<Improvement>();
    public DbSet<Domain.Events.ServiceContactSetting> ServiceContactSettings => Set<Domain.Events.ServiceContactSetting>();
    public DbSet<Domain.Events.EventColumnMapping> EventColumnMappings => Set<Domain.Events.EventColumnMapping>();
    public DbSet<Domain.Imports.SpreadsheetImportMapping> SpreadsheetImportMappings => Set<Domain.Imports.SpreadsheetImportMapping>();
    public DbSet<WorkspaceMembership> Memberships => Set<WorkspaceMembership>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Templates.WorkspaceTemplate> WorkspaceTemplates => Set<Templates.WorkspaceTemplate>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public bool IsSqlite => Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite";

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<WaymarkUser>().ToTable("users");
        modelBuilder.Entity<IdentityRole>().ToTable("roles");
        modelBuilder.Entity<IdentityUserRole<string>>().ToTable("user_roles");
        modelBuilder.Entity<IdentityUserClaim<string>>().ToTable("user_claims");
        modelBuilder.Entity<IdentityUserLogin<string>>().ToTable("user_logins");
        modelBuilder.Entity<IdentityUserToken<string>>().ToTable("user_tokens");
        modelBuilder.Entity<IdentityRoleClaim<string>>().ToTable("role_claims");
        modelBuilder.Entity<DataProtectionKey>().ToTable("data_protection_keys");
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(WaymarkDb).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
        // SQLite cannot compare or order DateTimeOffset text; stored as a sortable number there.
        if (IsSqlite)
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RaiseVersions();
        var counts = MeasurementCountChanges();
        var scores = Scores.ScoreKeeper.Of(this);
        if (counts.Count == 0 && scores.IsEmpty) return base.SaveChanges(acceptAllChangesOnSuccess);
        using var own = Database.CurrentTransaction is null ? Database.BeginTransaction(OwnIsolation) : null;
        var saved = base.SaveChanges(acceptAllChangesOnSuccess: false);
        foreach (var (id, delta) in counts)
            Kpis.Where(k => k.Id == id).ExecuteUpdate(s => s.SetProperty(k => k.MeasurementCount, k => k.MeasurementCount + delta));
        Scores.ScoreKeeper.ApplyAsync(this, scores, CancellationToken.None).GetAwaiter().GetResult();
        own?.Commit();
        if (acceptAllChangesOnSuccess) ChangeTracker.AcceptAllChanges();
        return saved;
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RaiseVersions();
        var counts = MeasurementCountChanges();
        var scores = Scores.ScoreKeeper.Of(this);
        if (counts.Count == 0 && scores.IsEmpty) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        await using var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(OwnIsolation, cancellationToken) : null;
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess: false, cancellationToken);
        foreach (var (id, delta) in counts)
            await Kpis.Where(k => k.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(k => k.MeasurementCount, k => k.MeasurementCount + delta), cancellationToken);
        // Kept scores are written in SQL after the evaluations, in the same transaction, so two saves at once both count.
        await Scores.ScoreKeeper.ApplyAsync(this, scores, cancellationToken);
        if (own is not null) await own.CommitAsync(cancellationToken);
        if (acceptAllChangesOnSuccess) ChangeTracker.AcceptAllChanges();
        return saved;
    }

    /// <summary>
    /// The transaction a save opens itself to write derived rows with its changes. On SQLite it takes the write lock at once
    /// (BEGIN IMMEDIATE, waiting its turn behind other writers): the save's interceptors read inside it, and a deferred
    /// transaction that has read cannot write once another writer has committed (SQLITE_BUSY_SNAPSHOT, which no waiting
    /// cures: under 5 concurrent writers, evaluations timed out). PostgreSQL keeps its default.
    /// </summary>
    private System.Data.IsolationLevel OwnIsolation => IsSqlite ? System.Data.IsolationLevel.Serializable : System.Data.IsolationLevel.ReadCommitted;

    /// <summary>
    /// How the measurement counts of KPIs change with this save (measurements added and removed). The counts are raised in
    /// SQL, in the same transaction, and not through the KPI's row as loaded: recording a measurement is no edit of the KPI
    /// (its version stays), and two batches recorded at the same time both count. In the order of the KPIs' ids, so two
    /// saves touching the same KPIs lock them in the same order and never wait on each other in a circle. Every way of
    /// storing measurements goes through here (use cases, imports, the demo, tests).
    /// </summary>
    private List<(Guid Kpi, int Delta)> MeasurementCountChanges() =>
        ChangeTracker.Entries<KpiMeasurement>()
            .Where(e => e.State is EntityState.Added or EntityState.Deleted)
            .GroupBy(e => e.Entity.KpiId)
            .Select(g => (Kpi: g.Key, Delta: g.Sum(e => e.State == EntityState.Added ? 1 : -1)))
            .Where(c => c.Delta != 0)
            .OrderBy(c => c.Kpi)
            .ToList();

    /// <summary>Every saved change raises the row's version; the original version guards the UPDATE, so a concurrent edit fails.</summary>
    private void RaiseVersions()
    {
        ChangeTracker.DetectChanges();
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State != EntityState.Modified) continue;
            var version = entry.Metadata.FindProperty(nameof(WorkspaceEntity.Version));
            if (version is null) continue;
            var property = entry.Property(nameof(WorkspaceEntity.Version));
            property.CurrentValue = (int)property.OriginalValue! + 1;
        }
    }
}
