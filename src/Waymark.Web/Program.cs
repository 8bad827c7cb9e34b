using Waymark.Web;

var app = WaymarkWebApp.Create(args);
await app.RunAsync();

/// <summary>Entry point, visible to the HTTP tests' WebApplicationFactory.</summary>
public partial class Program;
