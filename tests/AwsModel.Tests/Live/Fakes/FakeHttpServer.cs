using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Web;

namespace Kalc.Iac.Tests.Live.Fakes;

/// <summary>A scriptable HTTP endpoint on 127.0.0.1 that stands in for an AWS service or a Kubernetes API
/// server: each request goes to the test's handler, which returns a reply, a fault, or a hang.</summary>
internal sealed class FakeHttpServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<FakeRequest, Task<FakeReply>> _handler;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public FakeHttpServer(Func<FakeRequest, FakeReply> handler, TimeSpan? latency = null)
        : this(r => Task.FromResult(handler(r)), latency)
    {
    }

    public FakeHttpServer(Func<FakeRequest, Task<FakeReply>> handler, TimeSpan? latency = null)
    {
        _handler = handler;
        Latency = latency ?? TimeSpan.Zero;
        var port = FreePort();
        Url = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(Url.AbsoluteUri);
        _listener.Start();
        _loop = Task.Run(AcceptLoop);
    }

    public Uri Url { get; }

    public TimeSpan Latency { get; }

    public ConcurrentQueue<FakeRequest> Requests { get; } = new();

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task AcceptLoop()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            _ = Task.Run(() => Serve(context));
        }
    }

    private async Task Serve(HttpListenerContext context)
    {
        try
        {
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync().ConfigureAwait(false);
            var url = context.Request.Url!;
            var request = new FakeRequest(
                context.Request.HttpMethod,
                url.AbsolutePath,
                HttpUtility.ParseQueryString(url.Query),
                HttpUtility.ParseQueryString(context.Request.ContentType?.Contains("form", StringComparison.Ordinal) == true ? body : ""),
                context.Request.Headers["Authorization"]);
            Requests.Enqueue(request);
            if (Latency > TimeSpan.Zero) await Task.Delay(Latency, _stop.Token).ConfigureAwait(false);
            var reply = await _handler(request).ConfigureAwait(false);
            if (reply.Hang)
            {
                await Task.Delay(Timeout.Infinite, _stop.Token).ConfigureAwait(false);
                return;
            }
            context.Response.StatusCode = reply.Status;
            context.Response.ContentType = reply.ContentType;
            foreach (var (name, value) in reply.Headers) context.Response.Headers[name] = value;
            context.Response.ContentLength64 = reply.Body.Length;
            await context.Response.OutputStream.WriteAsync(reply.Body, _stop.Token).ConfigureAwait(false);
            context.Response.Close();
        }
        catch (Exception e) when (e is OperationCanceledException or HttpListenerException or ObjectDisposedException or IOException)
        {
            // the test ended or the client went away
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Close();
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // stopped
        }
        _stop.Dispose();
    }
}

internal sealed record FakeRequest(string Method, string Path, System.Collections.Specialized.NameValueCollection Query,
    System.Collections.Specialized.NameValueCollection Form, string? Authorization)
{
    public string? Action => Form["Action"];
}

internal sealed record FakeReply(int Status, string ContentType, byte[] Body)
{
    public bool Hang { get; init; }

    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    public static FakeReply Xml(string xml, int status = 200) => new(status, "text/xml;charset=UTF-8", Encoding.UTF8.GetBytes(xml));

    public static FakeReply Xml(byte[] xml, int status = 200) => new(status, "text/xml;charset=UTF-8", xml);

    public static FakeReply Json(string json, int status = 200) => new(status, "application/json", Encoding.UTF8.GetBytes(json));

    public static FakeReply Json(byte[] json, int status = 200) => new(status, "application/json", json);

    public static readonly FakeReply Hanging = new(200, "text/plain", []) { Hang = true };

    /// <summary>The awsQuery error shape (IAM, STS, Auto Scaling), as in fixtures/aws-api/sts/GetSessionToken-error-AccessDenied-botocore.xml.</summary>
    public static FakeReply QueryError(string code, string message, int status) => Xml(
        $"<ErrorResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><Error><Type>Sender</Type><Code>{code}</Code><Message>{message}</Message></Error><RequestId>1a2b3c4d-0000-0000-0000-000000000000</RequestId></ErrorResponse>",
        status);

    /// <summary>The EC2 error shape, as in fixtures/aws-api/ec2/DescribeInstances-error-InvalidInstanceID.Malformed-botocore.xml.</summary>
    public static FakeReply Ec2Error(string code, string message, int status) => Xml(
        $"<Response><Errors><Error><Code>{code}</Code><Message>{message}</Message></Error></Errors><RequestID>ea966190-f9aa-478e-9ede-example</RequestID></Response>",
        status);
}
