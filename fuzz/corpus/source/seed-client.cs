using System.Net.Http;

public class FlinksClient
{
    private const string BaseUrl = "https://toolbox.api.private.fin.ag/v3/";
    private static readonly string Iframe = @"https://iframe.flinks.com/v2/?demo=true";
    private readonly string _api = Environment.GetEnvironmentVariable("FLINKS_API_URL") ?? "https://toolbox-api.private.fin.ag/v2/";

    public async Task<string> Summary(HttpClient http, string id)
    {
        var url = $"https://{_instance}-api.private.fin.ag/v3/{id}/BankingServices/AccountsSummary";
        return await http.GetStringAsync(url);
    }
}
