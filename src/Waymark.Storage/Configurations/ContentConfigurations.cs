using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Waymark.Domain.Evaluations;
using Waymark.Domain.Improvements;
using Waymark.Domain.Journeys;
using Waymark.Domain.Kpis;
using Waymark.Domain.Organisation;
using Waymark.Domain.Personas;
using Waymark.Domain.Touchpoints;
using Waymark.Domain.Workspaces;

namespace Waymark.Storage.Configurations;

internal sealed class PersonaConfiguration : IEntityTypeConfiguration<Persona>
{
    public void Configure(EntityTypeBuilder<Persona> builder)
    {
        builder.IsWorkspaceEntity("personas");
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.PictureTag).HasMaxLength(40);
        builder.Property(p => p.PictureType).HasMaxLength(40);
    }
}

internal sealed class TouchpointConfiguration : IEntityTypeConfiguration<Touchpoint>
{
    public void Configure(EntityTypeBuilder<Touchpoint> builder)
    {
        builder.IsWorkspaceEntity("touchpoints");
        builder.Property(t => t.Name).HasMaxLength(200);
        builder.Ignore(t => t.CategoryName);
        builder.References<Touchpoint, Channel>(t => t.ChannelId);
        builder.References<Touchpoint, Department>(t => t.DepartmentId);
        builder.References<Touchpoint, Person>(t => t.OwnerId);
        builder.HasIndex(t => new { t.WorkspaceId, t.EventKey });
    }
}

internal sealed class JourneyConfiguration : IEntityTypeConfiguration<Journey>
{
    public void Configure(EntityTypeBuilder<Journey> builder)
    {
        builder.IsWorkspaceEntity("journeys");
        builder.Property(j => j.Name).HasMaxLength(200);
        builder.References<Journey, Persona>(j => j.PersonaId);
        builder.HasMany(j => j.Stages).WithOne().HasForeignKey(s => s.JourneyId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(j => j.Stages).UsePropertyAccessMode(PropertyAccessMode.Field);
        // The lanes as stored, with those hidden by choice; the property shows the lanes a map shows.
        builder.PrimitiveCollection(j => j.Lanes).HasField("_lanes").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(j => j.OrderedStages);
        builder.Ignore(j => j.OrderedSteps);
    }
}

internal sealed class StageConfiguration : IEntityTypeConfiguration<Stage>
{
    public void Configure(EntityTypeBuilder<Stage> builder)
    {
        builder.ToTable("stages");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Name).HasMaxLength(100);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.References<Stage, Phase>(s => s.PhaseId);
        builder.HasMany(s => s.Steps).WithOne().HasForeignKey(s => s.StageId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.Steps).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(s => s.OrderedSteps);
    }
}

internal sealed class StepConfiguration : IEntityTypeConfiguration<Step>
{
    public void Configure(EntityTypeBuilder<Step> builder)
    {
        builder.ToTable("steps");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Action).HasMaxLength(500);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.References<Step, Department>(s => s.BackstageDepartmentId);
    }
}

internal sealed class EvaluationConfiguration : IEntityTypeConfiguration<Evaluation>
{
    public void Configure(EntityTypeBuilder<Evaluation> builder)
    {
        builder.IsWorkspaceEntity("evaluations");
        builder.Ignore(e => e.Gap);
        builder.References<Evaluation, Touchpoint>(e => e.TouchpointId);
        // Step evaluations belong to the map: they go when the step goes.
        builder.HasOne<Step>().WithMany().HasForeignKey(e => e.StepId).OnDelete(DeleteBehavior.Cascade);
        builder.References<Evaluation, Persona>(e => e.PersonaId);
        builder.HasIndex(e => new { e.TouchpointId, e.EvaluatedOn });
        // The dashboard's trend: a persona's latest day of a touchpoint before a date, and the evaluations of recent months.
        builder.HasIndex(e => new { e.TouchpointId, e.PersonaId, e.EvaluatedOn });
        builder.HasIndex(e => new { e.WorkspaceId, e.EvaluatedOn });
    }
}

internal sealed class KpiConfiguration : IEntityTypeConfiguration<Kpi>
{
    public void Configure(EntityTypeBuilder<Kpi> builder)
    {
        builder.IsWorkspaceEntity("kpis");
        builder.Property(k => k.Name).HasMaxLength(200);
        builder.References<Kpi, Touchpoint>(k => k.TouchpointId);
        // Map content is fluid: a KPI or action outlives the step or journey it pointed at.
        builder.HasOne<Step>().WithMany().HasForeignKey(k => k.StepId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Journey>().WithMany().HasForeignKey(k => k.JourneyId).OnDelete(DeleteBehavior.SetNull);
        builder.References<Kpi, Channel>(k => k.ChannelId);
        builder.Ignore(k => k.Binding);
        builder.Property(k => k.BoundTouchpoint).HasMaxLength(200);
        builder.Property(k => k.BoundToTouchpoint).HasMaxLength(200);
        builder.Property(k => k.BoundChannel).HasMaxLength(200);
        // No foreign key on BoundJourneyId (SQLite could add one only by rebuilding the table outside a transaction): a KPI
        // held against a map that was deleted computes nothing until it is bound again.
    }
}

internal sealed class ServiceContactSettingConfiguration : IEntityTypeConfiguration<Waymark.Domain.Events.ServiceContactSetting>
{
    public void Configure(EntityTypeBuilder<Waymark.Domain.Events.ServiceContactSetting> builder)
    {
        builder.IsWorkspaceEntity("service_contact_settings");
        builder.HasIndex(s => s.WorkspaceId).IsUnique();
    }
}

internal sealed class EventColumnMappingConfiguration : IEntityTypeConfiguration<Waymark.Domain.Events.EventColumnMapping>
{
    public void Configure(EntityTypeBuilder<Waymark.Domain.Events.EventColumnMapping> builder)
    {
        builder.IsWorkspaceEntity("event_column_mappings");
        builder.HasIndex(m => m.WorkspaceId).IsUnique();
        builder.Property(m => m.Mapping).HasMaxLength(Waymark.Domain.Events.EventColumnMapping.MaxLength);
    }
}

internal sealed class SpreadsheetImportMappingConfiguration : IEntityTypeConfiguration<Waymark.Domain.Imports.SpreadsheetImportMapping>
{
    public void Configure(EntityTypeBuilder<Waymark.Domain.Imports.SpreadsheetImportMapping> builder)
    {
        builder.IsWorkspaceEntity("spreadsheet_import_mappings");
        builder.HasIndex(m => new { m.WorkspaceId, m.Kind }).IsUnique();
        builder.Property(m => m.Kind).HasMaxLength(40);
        builder.Property(m => m.Mapping).HasMaxLength(Waymark.Domain.Imports.SpreadsheetImportMapping.MaxLength);
    }
}

internal sealed class KpiMeasurementConfiguration : IEntityTypeConfiguration<KpiMeasurement>
{
    public void Configure(EntityTypeBuilder<KpiMeasurement> builder)
    {
        builder.ToTable("kpi_measurements");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.HasOne<Workspace>().WithMany().HasForeignKey(m => m.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Kpi>().WithMany().HasForeignKey(m => m.KpiId).OnDelete(DeleteBehavior.Cascade);
        // In the order a KPI's measurements are read (the latest few for its performance, a period for its chart, a page
        // for its list), so each of those reads only the rows it returns.
        builder.HasIndex(m => new { m.KpiId, m.MeasuredAt, m.RecordedAt, m.Id });
        builder.Property(m => m.Version).IsConcurrencyToken();
    }
}

internal sealed class ImprovementConfiguration : IEntityTypeConfiguration<Improvement>
{
    public void Configure(EntityTypeBuilder<Improvement> builder)
    {
        builder.IsWorkspaceEntity("improvements");
        builder.Property(i => i.Title).HasMaxLength(300);
        builder.Ignore(i => i.IsOpen);
        builder.References<Improvement, Person>(i => i.OwnerId);
        builder.References<Improvement, Touchpoint>(i => i.TouchpointId);
        builder.HasOne<Journey>().WithMany().HasForeignKey(i => i.JourneyId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Step>().WithMany().HasForeignKey(i => i.StepId).OnDelete(DeleteBehavior.SetNull);
        builder.References<Improvement, Kpi>(i => i.KpiId);
        builder.References<Improvement, Persona>(i => i.PersonaId);
        builder.HasIndex(i => new { i.WorkspaceId, i.Kind, i.Status });
    }
}
