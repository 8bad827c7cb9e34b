using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Waymark.Domain.Common;
using Waymark.Domain.Workspaces;

namespace Waymark.Storage.Configurations;

internal static class Conventions
{
    /// <summary>Key, owning workspace (deleted with it), and the version that guards concurrent edits.</summary>
    public static void IsWorkspaceEntity<T>(this EntityTypeBuilder<T> builder, string table) where T : WorkspaceEntity
    {
        builder.ToTable(table);
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.HasOne<Workspace>().WithMany().HasForeignKey(e => e.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => e.WorkspaceId);
        builder.Property(e => e.Version).IsConcurrencyToken();
    }

    /// <summary>A reference that must keep pointing at something: deleting the target is refused while it is used.</summary>
    public static void References<T, TTarget>(this EntityTypeBuilder<T> builder, System.Linq.Expressions.Expression<Func<T, object?>> key)
        where T : class where TTarget : class =>
        builder.HasOne<TTarget>().WithMany().HasForeignKey(key!).OnDelete(DeleteBehavior.NoAction);
}
