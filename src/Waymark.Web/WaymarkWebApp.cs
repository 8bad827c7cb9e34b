using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.ResponseCompression;
using Scalar.AspNetCore;
using Waymark.Storage;
using Waymark.Storage.Access;
using Waymark.Web.Features;
using Waymark.Web.Access;
using Waymark.Web.Components;
using Waymark.Web.Infrastructure;

namespace Waymark.Web;

/// <summary>Builds the Waymark web application: the HTTP API, its reference page and health check.</summary>
public static class WaymarkWebApp
{
    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        // The UI's files (wwwroot and the static-asset manifests) sit beside the program, not in whatever folder a
        // person, a container or a service manager starts it from; appsettings.json is looked for there too.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.AddWaymark();
        builder.AddWaymarkAccess();
        builder.AddWaymarkUi();
        configure?.Invoke(builder);
        var app = builder.Build();
        app.UseWaymark();
        return app;
    }

    public static WebApplicationBuilder AddWaymark(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        // Operators want start-up, warnings and errors, not every SQL statement and request.
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        // Read when first needed, so settings given by a host or a test after start-up code ran still count.
        services.AddSingleton(sp => StorageOptionsFrom(sp.GetRequiredService<IConfiguration>()));
        // Scoped: it reads the scope's actor, which a UI circuit or CLI command names with CurrentActor.ActAs.
        services.AddScoped<AuditTrail>();
        services.AddScoped<Features.Work>();
        services.AddScoped<ReadOnlyPageData>();
        services.AddSingleton<Live.MapChanges>();
        services.AddSingleton<Live.BoardChanges>();
        services.AddSingleton<Live.EventChanges>();
        services.AddSingleton<Live.EventArrivals>();
        services.AddDbContext<WaymarkDb>((sp, db) =>
        {
            StorageSetup.Configure(db, sp.GetRequiredService<StorageOptions>());
            db.AddInterceptors(sp.GetRequiredService<ReadOnlyPageData>(), sp.GetRequiredService<AuditTrail>());
        });
        services.AddSingleton<DemoEventSeeding>();
        services.AddHostedService<DatabasePreparation>();
        services.AddHostedService(sp => sp.GetRequiredService<DemoEventSeeding>());
        services.AddHostedService<Features.Events.EventRetentionSweep>();
        services.AddSingleton<IdleMemoryRelease>();
        services.AddSingleton<Features.Evidence.EventAnalytics>();
        services.AddSingleton<Features.Evidence.EventAnalyticsRefresh>();
        services.AddHostedService(sp => sp.GetRequiredService<Features.Evidence.EventAnalyticsRefresh>());
        services.AddHostedService<Live.EventChangesWatch>();
        services.AddSingleton<Features.Kpis.KpiEventRefresh>();
        services.AddHostedService(sp => sp.GetRequiredService<Features.Kpis.KpiEventRefresh>());
        services.AddSingleton<Features.Evidence.SharedEvidence>();
        services.AddHostedService(sp => sp.GetRequiredService<IdleMemoryRelease>());
        services.AddSingleton(TimeProvider.System);

        services.AddOutputCache(o => o.AddPolicy(UnchangedReads.Policy, new UnchangedReads()));
        AddResponseCompression(services);
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(o => Configure(o.SerializerOptions));
        services.AddWaymarkOpenApi();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return builder;
    }

    /// <summary>
    /// Pages, JSON and drawings are sent compressed to clients that accept it (browsers always do): a page of 500
    /// touchpoints is a tenth of its size on the wire. Placed inside the output cache, so a kept answer is kept
    /// compressed and sent again without compressing it again. Not over HTTPS (the default), against BREACH.
    /// </summary>
    private static void AddResponseCompression(IServiceCollection services)
    {
        services.AddResponseCompression(o =>
        {
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["image/svg+xml", "application/problem+json", "text/csv"]);
        });
        // Optimal (brotli 4, gzip 6): Fastest halves brotli's gain on JSON full of ids, and a kept answer is compressed only once.
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Optimal);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Optimal);
    }

    public static void Configure(JsonSerializerOptions json)
    {
        json.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        json.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        Storage.Exchange.RequiredValues.Apply(json);
    }

    public static StorageOptions StorageOptionsFrom(IConfiguration configuration) => new()
    {
        SqliteFile = configuration["Waymark:Database"] ?? StorageOptions.DefaultSqliteFile,
        PostgresConnectionString = configuration["Waymark:Postgres"],
    };

    // Scalar's greys and method colours (light and dark theme) fall below WCAG AA contrast (4.5:1) on its backgrounds; darker shades that meet it.
    private const string ApiReferenceCss = """
        body.light-mode {
          --scalar-color-2: #505050; --scalar-color-3: #5f5f5f; --scalar-color-accent: #0069b3;
          --scalar-color-green: #05734f; --scalar-color-red: #c20005; --scalar-color-yellow: #7a5d00; --scalar-color-blue: #005fa3;
          --scalar-color-orange: #b23d00; --scalar-color-query: #006a6e;
        }
        body.dark-mode { --scalar-color-3: #9a9a9a; --scalar-color-red: #ff6b68; }
        """;

    public static WebApplication UseWaymark(this WebApplication app)
    {
        app.UseWaymarkReverseProxy(app.Configuration);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseWaymarkAccess();
        app.MapOpenApi();
        // Scalar's default fonts come from its CDN, which the content security policy rightly blocks.
        app.MapScalarApiReference("/api-reference", o => o.WithTitle("Waymark API reference").DisableDefaultFonts().WithCustomCss(ApiReferenceCss));
        app.MapHealthChecks("/health").ExcludeFromDescription().AllowAnonymous();
        app.MapWaymarkApi();
        app.MapWaymarkUi();
        return app;
    }
}
