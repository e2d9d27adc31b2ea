using System.CommandLine;
using System.Net;
using System.Net.Sockets;
using Ingest.Cli.Review.Web;
using Ingest.Core.Catalogue;
using Microsoft.Extensions.Hosting;

namespace Ingest.Cli.Commands;

/// <summary>`ingest review serve`: the reviewer's page on the store, until Ctrl+C.</summary>
public static class ReviewServeCommand
{
    public static Command Build()
    {
        var db = StoreOptions.Db();
        var host = new Option<string>("--host")
        {
            Description = "The address to listen on. 127.0.0.1 (the default) is this machine only; any other (0.0.0.0, a LAN address) opens the page to the network and requires the access token.",
            DefaultValueFactory = _ => "127.0.0.1",
        };
        var port = new Option<int>("--port") { Description = "The port to listen on (0: any free one).", DefaultValueFactory = _ => 5080 };
        var reviewer = new Option<string>("--reviewer") { Description = "The name decisions are stored under, unless the page's Reviewer box says otherwise (default: the login name)." };
        var token = new Option<string>("--token") { Description = "The access token a network-facing server requires (default: a random one, printed at start)." };
        var cmd = new Command("serve", "Serve the reviewer's page: the queue of targets to review, each beside the place in the document it was read from; " +
            "accept, correct or reject with the keyboard. Decisions go to the store as 'review import' stores them.") { db, host, port, reviewer, token };
        cmd.SetAction(p =>
        {
            var hostText = p.GetValue(host)!;
            if (!IPAddress.TryParse(hostText == "localhost" ? "127.0.0.1" : hostText, out var address))
            {
                Console.Error.WriteLine($"ingest: --host {hostText}: not an IP address (127.0.0.1, 0.0.0.0, or this machine's LAN address)");
                return ExitCodes.Usage;
            }
            if (p.GetValue(port) is < 0 or > 65535)
            {
                Console.Error.WriteLine($"ingest: --port {p.GetValue(port)}: not a port (0 to 65535)");
                return ExitCodes.Usage;
            }
            var dbPath = p.GetValue(db)!;
            using var store = StoreOptions.OpenExisting(dbPath);
            if (store == null) return ExitCodes.Usage;
            bool open = !IPAddress.IsLoopback(address);
            var guard = new GuardSettings(open ? p.GetValue(token) ?? GuardSettings.NewSecret() : null, GuardSettings.NewSecret(), 0);
            var services = Composition.ReviewPage(store, dbPath, IndicatorCatalogue.Default);
            var who = p.GetValue(reviewer) ?? Environment.UserName;
            // the port is known once listening (--port 0), and the guard checks the Host header against it
            var server = new ReviewServer(services, guard, who);
            var app = server.Build(address, p.GetValue(port));
            try { app.StartAsync().GetAwaiter().GetResult(); }
            // Kestrel's "Failed to bind to address …" wraps the reason ("address already in use", "permission denied")
            catch (Exception e) when (e is IOException or SocketException)
            {
                var reason = e.GetBaseException().Message.Split('\n')[0].TrimEnd('.');
                Console.Error.WriteLine($"ingest: cannot listen on {hostText}:{p.GetValue(port)}: {reason} (another server there? give --port or --host)");
                return ExitCodes.SomeFailed;
            }
            var bound = server.BoundPort(app);
            var shown = open ? $"{(address.Equals(IPAddress.Any) ? Dns.GetHostName() : hostText)}:{bound}/?token={guard.Token}" : $"127.0.0.1:{bound}/";
            Console.WriteLine($"Review page: http://{shown}");
            Console.WriteLine(open ? "Open to the network: the link carries the access token; anyone with it can decide. Ctrl+C stops."
                                   : "This machine only. Ctrl+C stops.");
            app.WaitForShutdownAsync().GetAwaiter().GetResult();
            return ExitCodes.Ok;
        });
        return cmd;
    }

}
