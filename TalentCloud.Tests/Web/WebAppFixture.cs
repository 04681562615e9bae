using TalentCloud.Tests.Support;

namespace TalentCloud.Tests.Web;

/// <summary>One app instance and one signed-in client per demo account, shared by the HTTP tests of a class.</summary>
public sealed class WebAppFixture : IAsyncLifetime
{
    private readonly Dictionary<string, HttpClient> clients = [];
    private readonly SemaphoreSlim gate = new(1, 1);

    public TalentCloudAppFactory Factory { get; } = new();

    public async ValueTask InitializeAsync()
    {
        // Without a PostgreSQL server the app is not started here: each test then skips (or fails in CI) on first use.
        if (TestProvider.Current == TalentCloud.Core.Data.DatabaseProvider.Sqlite || await PostgreSqlServer.IsAvailableAsync())
        {
            _ = Factory.Server;
        }
    }

    public async Task<HttpClient> ClientAsync(string email)
    {
        await gate.WaitAsync();
        try
        {
            if (!clients.TryGetValue(email, out var client))
            {
                client = await SignIn.AsAsync(Factory, email);
                clients[email] = client;
            }

            return client;
        }
        finally
        {
            gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in clients.Values)
        {
            client.Dispose();
        }

        gate.Dispose();
        await Factory.DisposeAsync();
    }
}
