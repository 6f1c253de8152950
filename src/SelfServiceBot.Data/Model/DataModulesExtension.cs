using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace SelfServiceBot.Data.Model;

/// <summary>
/// Carries the <see cref="DataModule"/>s a context's model is composed of in its options, so pooled factories and the
/// design-time tool compose the model the same way (<see cref="BotDbContext"/> reads it in OnModelCreating).
/// </summary>
public static class DataModuleOptions
{
    public static DbContextOptionsBuilder UseDataModules(this DbContextOptionsBuilder builder, IEnumerable<DataModule> modules)
    {
        ((IDbContextOptionsBuilderInfrastructure)builder).AddOrUpdateExtension(new DataModulesExtension([.. modules]));
        // EF Core caches one model per context type; two compositions in one process (tests) need a model each.
        builder.ReplaceService<IModelCacheKeyFactory, ComposedModelCacheKeyFactory>();
        return builder;
    }

    public static DbContextOptionsBuilder<TContext> UseDataModules<TContext>(this DbContextOptionsBuilder<TContext> builder,
        IEnumerable<DataModule> modules) where TContext : DbContext =>
        (DbContextOptionsBuilder<TContext>)((DbContextOptionsBuilder)builder).UseDataModules(modules);

    /// <summary>The modules of a context's options (none when the options name none).</summary>
    internal static IReadOnlyList<DataModule> Modules(this IDbContextOptions options) =>
        options.FindExtension<DataModulesExtension>()?.Modules ?? [];
}

internal sealed class DataModulesExtension(IReadOnlyList<DataModule> modules) : IDbContextOptionsExtension
{
    public IReadOnlyList<DataModule> Modules { get; } = modules;

    /// <summary>The modules' types, in order: what tells one composed model from another.</summary>
    public string Key { get; } = string.Join(";", modules.Select(m => m.GetType().FullName));

    public DbContextOptionsExtensionInfo Info => new ExtensionInfo(this);

    public void ApplyServices(IServiceCollection services)
    {
    }

    public void Validate(IDbContextOptions options)
    {
    }

    private sealed class ExtensionInfo(DataModulesExtension extension) : DbContextOptionsExtensionInfo(extension)
    {
        public override bool IsDatabaseProvider => false;

        public override string LogFragment => $"DataModules={((DataModulesExtension)Extension).Key} ";

        // The modules change the model only, not EF Core's internal services (the model cache key tells models apart).
        public override int GetServiceProviderHashCode() => 0;

        public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other) => other is ExtensionInfo;

        public override void PopulateDebugInfo(IDictionary<string, string> debugInfo) =>
            debugInfo["SelfServiceBot:DataModules"] = ((DataModulesExtension)Extension).Key;
    }
}

internal sealed class ComposedModelCacheKeyFactory : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) =>
        (context.GetType(), context.GetService<IDbContextOptions>().FindExtension<DataModulesExtension>()?.Key ?? "", designTime);
}
