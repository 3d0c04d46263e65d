// A .NET client for the Flinks API, with the mistakes public integrations
// make (kept on purpose: `flinks-config lint examples/`).
using System;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;

public sealed class FlinksClient
{
    // Mistake: `.api.` instead of `-api.` in the host.
    private const string SandboxBase = "https://toolbox.api.private.fin.ag/v3/43387ca6-0391-4c82-857d-70d95f087ecb/BankingServices/";

    // Mistake: the API is v3.
    private readonly string _base =
        Environment.GetEnvironmentVariable("FLINKS_API_URL") ?? "https://toolbox-api.private.fin.ag/v2/";

    private readonly HttpClient _http = new HttpClient();

    public Task<HttpResponseMessage> Authorize(string instance, string customerId, string token, string loginId)
    {
        // Correct: a base with a trailing slash, a relative route joined onto it.
        var baseUri = new Uri($"https://{instance}-api.private.fin.ag/v3/{customerId}/BankingServices/");
        var body = new StringContent($"{{\"LoginId\":\"{loginId}\"}}", Encoding.UTF8, "application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseUri, "Authorize"));
        request.Headers.Add("flinks-auth-key", token);
        request.Content = body;
        return _http.SendAsync(request);
    }

    // Mistake: `GetAccountsDetail` has no trailing space.
    public Uri Detail(string instance, string customerId) =>
        new Uri($"https://{instance}-api.private.fin.ag/v3/{customerId}/BankingServices/GetAccountsDetail ");
}
