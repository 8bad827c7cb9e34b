using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Waymark.Domain.Common;
using Waymark.Storage;
using Waymark.Storage.Exchange;

namespace Waymark.Web.Infrastructure;

/// <summary>The one place where failures become ProblemDetails a CX manager can read.</summary>
internal sealed class ProblemDetailsExceptionHandler(IProblemDetailsService problems, ILogger<ProblemDetailsExceptionHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        var refusal = exception switch
        {
            _ when http.Features.Get<Microsoft.AspNetCore.Antiforgery.IAntiforgeryValidationFeature>() is { IsValid: false } => new Refusal(400, "The form cannot be accepted", "The form was not sent from a Waymark page or has expired. Reload the page and try again."),
            BadHttpRequestException { InnerException: JsonException missing } when RequiredValues.MissingFields(missing) is [_, ..] fields =>
                new Refusal(400, "The request is not valid", Required(fields), fields.ToDictionary(f => f, f => new[] { Required([f]) })),
            BadHttpRequestException { InnerException: JsonException json } => new Refusal(400, "The request body is not valid JSON", DescribeJson(json), FieldErrors(json)),
            BadHttpRequestException e => new Refusal(e.StatusCode, e.StatusCode == 413 ? "The request is too large" : "The request is not valid", Explain(e)),
            _ => Refusals.Of(exception),
        };
        if (refusal is null)
        {
            log.LogError(exception, "Unhandled error on {Method} {Path}", http.Request.Method, http.Request.Path);
            return false;
        }
        http.Response.StatusCode = refusal.Status;
        var problem = new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = refusal.Status, Title = refusal.Title, Detail = refusal.Detail };
        if (refusal.Errors is not null) problem.Extensions["errors"] = refusal.Errors;
        if (refusal.CurrentVersion is { } current) problem.Extensions["currentVersion"] = current;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
    }

    private static string DescribeJson(JsonException json)
    {
        var field = FieldOf(json.Path);
        var where = json.LineNumber is { } line ? $" (line {line + 1}, position {json.BytePositionInLine + 1})" : "";
        return field is null
            ? $"The request body could not be read as JSON{where}. Check for a missing comma, quote or bracket."
            : $"The value of '{field}'{where} has the wrong type or format.";
    }

    private static string Required(IReadOnlyList<string> fields) => fields.Count == 1
        ? $"'{fields[0]}' is required and was not given."
        : $"These values are required and were not given: {string.Join(", ", fields.Select(f => $"'{f}'"))}.";

    private static Dictionary<string, string[]>? FieldErrors(JsonException json) =>
        FieldOf(json.Path) is { } field ? new() { [field] = [DescribeJson(json)] } : null;

    /// <summary>"$.stages[0].name" becomes "stages[0].name".</summary>
    private static string? FieldOf(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? null : path.StartsWith("$.") ? path[2..] : path.TrimStart('$');

    private static string Explain(BadHttpRequestException e) =>
        e.Message.Contains("was not provided from body", StringComparison.Ordinal) || e.Message.Contains("Implicit body", StringComparison.Ordinal)
            ? "The request needs a JSON body."
            : e.Message.StartsWith("Failed to bind parameter", StringComparison.Ordinal)
                ? e.Message.Replace("Failed to bind parameter", "This value in the address is not valid:", StringComparison.Ordinal)
                : e.Message;
}
