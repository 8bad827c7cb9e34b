using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;

namespace Waymark.Ui.Tests.Support;

/// <summary>What the API answered, for comparing a page's refusal with it.</summary>
public static class ApiAnswers
{
    /// <summary>The ProblemDetails' <c>detail</c> of a refusal with the expected status: the sentence a page must show too.</summary>
    public static async Task<string> DetailAsync(this HttpResponseMessage answer, HttpStatusCode expected)
    {
        Assert.Equal(expected, answer.StatusCode);
        return (await answer.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail!;
    }
}
