using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Waymark.Domain.Organisation;
using Waymark.Domain.Workspaces;

namespace Waymark.Storage.Configurations;

internal sealed class WorkspaceConfiguration : IEntityTypeConfiguration<Workspace>
{
    public void Configure(EntityTypeBuilder<Workspace> builder)
    {
        builder.ToTable("workspaces");
        builder.HasKey(w => w.Id);
        builder.Property(w => w.Id).ValueGeneratedNever();
        builder.Property(w => w.Key).HasMaxLength(60);
        builder.HasIndex(w => w.Key).IsUnique();
        builder.Property(w => w.Name).HasMaxLength(200);
        builder.Property(w => w.Version).IsConcurrencyToken();
    }
}

internal sealed class PhaseConfiguration : IEntityTypeConfiguration<Phase>
{
    public void Configure(EntityTypeBuilder<Phase> builder)
    {
        builder.IsWorkspaceEntity("phases");
        builder.Property(p => p.Name).HasMaxLength(100);
    }
}

internal sealed class ChannelConfiguration : IEntityTypeConfiguration<Channel>
{
    public void Configure(EntityTypeBuilder<Channel> builder)
    {
        builder.IsWorkspaceEntity("channels");
        builder.Property(c => c.Name).HasMaxLength(200);
    }
}

internal sealed class DepartmentConfiguration : IEntityTypeConfiguration<Department>
{
    public void Configure(EntityTypeBuilder<Department> builder)
    {
        builder.IsWorkspaceEntity("departments");
        builder.Property(d => d.Name).HasMaxLength(200);
    }
}

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.IsWorkspaceEntity("people");
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.References<Person, Department>(p => p.DepartmentId);
    }
}
