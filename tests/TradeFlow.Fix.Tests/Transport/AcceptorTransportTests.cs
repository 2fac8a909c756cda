using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using TradeFlow.Fix.Codec;
using TradeFlow.Fix.Tests.Session;

namespace TradeFlow.Fix.Tests.Transport;

public sealed class AcceptorTransportTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"tf-acceptor-{Guid.NewGuid():N}");

    public AcceptorTransportTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task A_counterparty_logs_on_over_tls_with_the_configured_certificate()
    {
        using var certificate = SelfSigned();
        var pfx = Path.Combine(_directory, "acceptor.pfx");
        await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pfx, "pfx-password"));
        await using var harness = AcceptorHarness.Start($"SSLEnable=Y\nSSLCertificate={pfx}\nSSLCertificatePassword=pfx-password");

        await using var client = await harness.ConnectAsync(trustedServerCertificate: certificate);
        await client.SendLogonAsync();

        await client.ExpectAsync(MsgTypes.Logon);
        await client.SendAsync(MsgTypes.TestRequest, b => b.Add(Tags.TestReqID, "TLS"));
        Assert.Equal("TLS", (await client.ExpectAsync(MsgTypes.Heartbeat)).GetString(Tags.TestReqID));
    }

    [Fact]
    public async Task A_restarted_acceptor_resumes_its_sequence_numbers_and_answers_a_resend_from_the_file_store()
    {
        var time = new FakeTimeProvider();
        var settings = $"FileStorePath={_directory}\nFileLogPath={_directory}";
        int nextClientSeq;
        await using (var before = AcceptorHarness.Start(settings, time))
        {
            await using var client = await before.LogonAsync();
            await client.SendAsync(MsgTypes.Heartbeat);
            var report = new FixFieldWriter();
            report.Add(37, "ORD-1");
            before.Session.Send(MsgTypes.ExecutionReport, report);
            await client.ExpectAsync(MsgTypes.ExecutionReport);
            await client.SendAsync(MsgTypes.Logout);
            await client.ExpectAsync(MsgTypes.Logout);
            await client.ExpectDisconnectAsync();
            nextClientSeq = client.NextSeq;
        }

        await using var after = AcceptorHarness.Start(settings, time);
        await using var again = await after.ConnectAsync();
        again.NextSeq = nextClientSeq;
        await again.SendLogonAsync();

        Assert.Equal(4, (await again.ExpectAsync(MsgTypes.Logon)).MsgSeqNum);
        await again.SendAsync(MsgTypes.ResendRequest, b => { b.Add(Tags.BeginSeqNo, 2); b.Add(Tags.EndSeqNo, 2); });
        var resent = await again.ExpectAsync(MsgTypes.ExecutionReport);
        Assert.Equal((2, "ORD-1", "Y"), (resent.MsgSeqNum, resent.GetString(37), resent.GetString(Tags.PossDupFlag)));
        Assert.Contains("35=8", await File.ReadAllTextAsync(Path.Combine(_directory, "FIX.4.4-TRADEFLOW-CLIENT.messages.current.log")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_sessions_share_one_port_and_one_sessions_fault_leaves_the_other_logged_on()
    {
        await using var harness = AcceptorHarness.Start("[SESSION]\nTargetCompID=OTHER\nNonStopSession=Y");
        await using var client = await harness.LogonAsync();
        await using var other = await harness.ConnectAsync(sender: "OTHER");
        await other.SendLogonAsync();
        await other.ExpectAsync(MsgTypes.Logon);

        await other.SendAsync(MsgTypes.Heartbeat, seq: 1);
        await other.ExpectAsync(MsgTypes.Logout);

        await client.SendAsync(MsgTypes.TestRequest, b => b.Add(Tags.TestReqID, "STILL-HERE"));
        Assert.Equal("STILL-HERE", (await client.ExpectAsync(MsgTypes.Heartbeat)).GetString(Tags.TestReqID));
    }

    [Fact]
    public async Task A_connection_that_never_logs_on_is_closed_after_the_logon_timeout()
    {
        await using var harness = AcceptorHarness.Start("LogonTimeout=5");
        var accepted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        harness.Acceptor.ConnectionAccepted += (_, _) => accepted.TrySetResult();
        await using var silent = await harness.ConnectAsync();
        await accepted.Task.WaitAsync(TimeSpan.FromSeconds(30));

        harness.Time.Advance(TimeSpan.FromSeconds(5));

        await silent.ExpectDisconnectAsync();
    }

    private static X509Certificate2 SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        var now = DateTimeOffset.UtcNow;
        return request.CreateSelfSigned(now.AddDays(-1), now.AddDays(1));
    }
}
