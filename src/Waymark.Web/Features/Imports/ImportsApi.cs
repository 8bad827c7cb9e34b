using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Waymark.Domain.Common;
using Waymark.Storage;
using Waymark.Storage.Access;
using Waymark.Web.Access;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Features.Imports;

/// <summary>
/// Sheets in: a preview that lists every problem (200 even then), the import itself (all or nothing), and the remembered
/// column mapping per kind. Editors and owners only; the use case is <see cref="SpreadsheetImport"/>.
/// </summary>
public static class ImportsApi
{
    /// <summary>Workbooks run larger than the 1 MB of other requests: 20 MB, or Waymark:Limits:SheetImportBytes.</summary>
    public const long BodyLimit = 20 * 1024 * 1024;

    public static RouteGroupBuilder MapImportsApi(this RouteGroupBuilder workspace)
    {
        var imports = workspace.MapGroup("/imports").WithTags("Imports").RequireWorkspaceRole(WorkspaceRole.Editor);
        imports.MapPost("/preview", Preview).WithRequestBodyLimit(BodyLimit, "Waymark:Limits:SheetImportBytes").AddOpenApiOperationTransformer(Form).ProducesProblem(413);
        imports.MapPost("", Import).WithRequestBodyLimit(BodyLimit, "Waymark:Limits:SheetImportBytes").AddOpenApiOperationTransformer(Form).ProducesProblem(413);
        imports.MapGet("/mappings/{kind}", GetMapping);
        imports.MapPut("/mappings/{kind}", SaveMapping).ProducesProblem(409).ProducesProblem(428);
        return workspace;
    }

    private static async Task<Ok<ImportPreview>> Preview(CurrentWorkspace ws, Work work, HttpRequest request, CancellationToken ct) =>
        TypedResults.Ok(await SpreadsheetImport.PreviewAsync(work, ws, await ReadAsync(request, ct), ct));

    private static async Task<Ok<ImportOutcome>> Import(CurrentWorkspace ws, Work work, HttpRequest request, CancellationToken ct) =>
        TypedResults.Ok(await SpreadsheetImport.ImportAsync(work, ws, await ReadAsync(request, ct), ct));

    private static async Task<Ok<SpreadsheetMappingResponse>> GetMapping(CurrentWorkspace ws, string kind, WaymarkDb db, CancellationToken ct) =>
        TypedResults.Ok(await SpreadsheetMappingChanges.ReadAsync(db, ws, kind, ct));

    private static async Task<Ok<SpreadsheetMappingResponse>> SaveMapping(CurrentWorkspace ws, string kind, SpreadsheetMappingRequest r, Work work, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(await SpreadsheetMappingChanges.SaveAsync(work, ws, kind, r with { Version = r.Version ?? Versions.Optional(http) }, ct));

    /// <summary>The form's fields: the file, the kind, and optionally the sheet and the mapping.</summary>
    private static async Task<SpreadsheetImportRequest> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        if (!request.HasFormContentType)
            throw new DomainRuleException("file", "Send the sheet as multipart/form-data: the file as 'file', and 'kind' (touchpoints, personas, channels, departments, people, evaluations or kpi-measurements).");
        var form = await request.ReadFormAsync(ct);
        var file = form.Files.GetFile("file") ?? form.Files.FirstOrDefault()
            ?? throw new DomainRuleException("file", "The form holds no file. Send the CSV or XLSX file as the form field 'file'.");
        using var buffer = new MemoryStream();
        await using (var stream = file.OpenReadStream()) await stream.CopyToAsync(buffer, ct);
        string? Field(string name) => form.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v.ToString()) ? v.ToString() : null;
        var kind = Field("kind") ?? throw new DomainRuleException("kind", $"Say what the sheet holds in the form field 'kind': {ImportKinds.Names}.");
        return new SpreadsheetImportRequest(Path.GetFileName(file.FileName), buffer.ToArray(), kind, Field("sheet"), Field("mapping"));
    }

    /// <summary>Described rather than declared with Accepts, so that a request of another type is answered by the handler in words, not by routing.</summary>
    private static Task Form(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var text = new OpenApiSchema { Type = JsonSchemaType.String };
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Description = "The sheet (CSV or XLSX) as 'file', what it holds as 'kind', and optionally the worksheet as 'sheet' and the columns as 'mapping' (name=Bezeichnung,channel=Kanal).",
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["multipart/form-data"] = new()
                {
                    Schema = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Object,
                        Required = new HashSet<string> { "file", "kind" },
                        Properties = new Dictionary<string, IOpenApiSchema>
                        {
                            ["file"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" },
                            ["kind"] = new OpenApiSchema { Type = JsonSchemaType.String, Enum = ImportKinds.All.Select(k => (System.Text.Json.Nodes.JsonNode)k.Key).ToList() },
                            ["sheet"] = text,
                            ["mapping"] = text,
                        },
                    },
                },
            },
        };
        return Task.CompletedTask;
    }
}
