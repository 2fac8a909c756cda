using TradeFlow.Domain.Values;
using TradeFlow.EventSourcing;
using static TradeFlow.Fix.Tests.Counterparties.QuickFixPeer;

namespace TradeFlow.Fix.Tests.Counterparties;

/// <summary>
/// TradeFlow's acceptor driven by a FIX engine from another project: an initiator on Debian's QuickFIX C++,
/// validating everything it receives against QuickFIX's own FIX44.xml. Logon, bookings by AE and D, amend,
/// cancel, allocation, sequence gaps in both directions recovered by resend, reconnection, restart, logout.
/// </summary>
public sealed class QuickFixInitiatorTests : IAsyncLifetime
{
    private const string Parties = "453=2|448=JSMITH|447=D|452=12|448=7LTWFZYICNSX8D621K86|447=N|452=17|";
    private const string Apple = "55=AAPL|48=US0378331005|22=4|";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "tf-qf-" + Guid.NewGuid().ToString("N")[..8]);
    private LiveGateway _gateway = null!;
    private QuickFixPeer _peer = null!;

    public async Task InitializeAsync()
    {
        _gateway = await LiveGateway.Start(_directory);
        _peer = QuickFixPeer.Start(Path.Combine(_directory, "peer"), _gateway.Port);
        await _peer.Expect(l => l == "LOGON", "the logon");
    }

    private static string Order(string clOrdId, string qty = "100") =>
        $"11={clOrdId}|1=EQ-NY|{Parties}{Apple}54=1|60=20250314-09:29:00.000|38={qty}|40=2|44=190.25|75=20250314|";

    [Fact]
    public async Task A_TradeCaptureReport_is_acknowledged_with_the_trade_id()
    {
        _peer.Send("AE", $"571=TR-1|487=0|856=0|570=N|{Apple}32=200|31=190.50|75=20250314|60=20250314-09:29:30.000|" +
            $"552=1|54=2|1=EQ-NY|{Parties}");

        var ack = await _peer.ExpectApp("AR");
        Assert.Equal(("TR-1", "0"), (Field(ack, 571), Field(ack, 939)));
        Assert.True(TradeId.TryParse(Field(ack, 818), out _), ack);
    }

    [Fact]
    public async Task An_order_is_booked_then_amended_then_cancelled()
    {
        _peer.Send("D", Order("ORD-1"));
        Assert.Equal("0", Field(await _peer.ExpectApp("8"), 150));
        var filled = await _peer.ExpectApp("8");
        Assert.Equal(("F", "2"), (Field(filled, 150), Field(filled, 39)));
        var tradeId = Field(filled, 37);

        _peer.Send("G", $"37={tradeId}|41=ORD-1|" + Order("ORD-2", qty: "150"));
        var replaced = await _peer.ExpectApp("8");
        Assert.Equal(("5", "150", tradeId), (Field(replaced, 150), Field(replaced, 14), Field(replaced, 37)));

        _peer.Send("F", $"41=ORD-2|11=ORD-3|{Apple}54=1|60=20250314-09:35:00.000|38=150|");
        var cancelled = await _peer.ExpectApp("8");
        Assert.Equal(("4", "4", tradeId), (Field(cancelled, 150), Field(cancelled, 39), Field(cancelled, 37)));
    }

    [Fact]
    public async Task A_block_is_allocated_and_the_allocation_acknowledged()
    {
        _peer.Send("D", Order("BLOCK-1"));
        await _peer.ExpectApp("8");
        await _peer.ExpectApp("8");

        _peer.Send("J", $"70=AL-1|71=0|626=1|54=1|{Apple}53=100|6=190.25|75=20250314|60=20250314-09:40:00.000|" +
            "73=1|11=BLOCK-1|78=2|79=EQ-NY|80=60|539=1|524=7LTWFZYICNSX8D621K86|525=N|538=17|" +
            "79=EQ-LDN|80=40|539=1|524=784F5XWPLTWKTBV3E584|525=N|538=17|");

        var ack = await _peer.ExpectApp("P");
        Assert.Equal(("AL-1", "0"), (Field(ack, 70), Field(ack, 87)));
    }

    [Fact]
    public async Task A_gap_in_the_initiators_sequence_is_filled_by_its_answer_to_our_ResendRequest()
    {
        _peer.Command("skip-sent 3");
        _peer.Send("D", Order("ORD-GAP"));

        await _peer.Expect(l => l.StartsWith("ADMIN_IN ", StringComparison.Ordinal) && l.Contains("|35=2|", StringComparison.Ordinal),
            "our ResendRequest");
        var filled = await _peer.Expect(l => l.StartsWith("IN ", StringComparison.Ordinal) && l.Contains("|150=F|", StringComparison.Ordinal),
            "the fill of the order sent after the gap");
        Assert.Equal("ORD-GAP", Field(filled, 11));
    }

    [Fact]
    public async Task Replies_the_initiator_lost_are_resent_from_our_store_as_possible_duplicates()
    {
        _peer.Send("D", Order("ORD-1"));
        await _peer.ExpectApp("8");
        await _peer.ExpectApp("8");

        _peer.Command("forget-received 2");
        _peer.Send("D", Order("ORD-2"));

        await _peer.Expect(l => l.StartsWith("ADMIN_OUT ", StringComparison.Ordinal) && l.Contains("|35=2|", StringComparison.Ordinal),
            "the initiator's ResendRequest");
        var resent = await _peer.Expect(l => l.StartsWith("IN ", StringComparison.Ordinal) && l.Contains("|43=Y|", StringComparison.Ordinal)
            && l.Contains("|11=ORD-1|", StringComparison.Ordinal), "the resent execution report of ORD-1");
        Assert.NotNull(Field(resent, 122));
        await _peer.Expect(l => l.StartsWith("IN ", StringComparison.Ordinal) && l.Contains("|11=ORD-2|", StringComparison.Ordinal)
            && l.Contains("|150=F|", StringComparison.Ordinal), "the fill of ORD-2");
    }

    [Fact]
    public async Task After_a_logout_the_initiator_logs_on_again_and_carries_on_where_it_stopped()
    {
        _peer.Send("D", Order("ORD-1"));
        await _peer.ExpectApp("8");
        await _peer.ExpectApp("8");

        _peer.Command("logout");
        await _peer.Expect(l => l == "LOGOUT", "the logout");
        _peer.Command("logon");
        await _peer.Expect(l => l == "LOGON", "the second logon");
        _peer.Send("D", Order("ORD-2"));

        Assert.Equal("ORD-2", Field(await _peer.ExpectApp("8"), 11));
    }

    [Fact]
    public async Task After_a_restart_of_TradeFlow_a_resent_order_gets_its_original_answer_and_books_nothing()
    {
        _peer.Send("D", Order("ORD-1"));
        await _peer.ExpectApp("8");
        var original = Field(await _peer.ExpectApp("8"), 37);
        var port = _gateway.Port;
        await _gateway.DisposeAsync();
        await _peer.Expect(l => l == "LOGOUT", "the logout at shutdown");

        _gateway = await LiveGateway.Start(_directory, port);
        await _peer.Expect(l => l == "LOGON", "the logon after the restart");
        var eventsBefore = _gateway.Journal.ReadAll(GlobalPosition.Start, Direction.Forwards).Count();
        _peer.Send("D", "97=Y|" + Order("ORD-1"));

        await _peer.ExpectApp("8");
        var again = await _peer.ExpectApp("8");
        Assert.Equal(original, Field(again, 37));
        Assert.Equal(eventsBefore, _gateway.Journal.ReadAll(GlobalPosition.Start, Direction.Forwards).Count());
    }

    [Fact]
    public async Task An_unsupported_application_message_gets_a_BusinessMessageReject()
    {
        _peer.Send("R", "131=Q-1|146=1|55=AAPL|");

        var reject = await _peer.ExpectApp("j");
        Assert.Equal(("R", "3"), (Field(reject, 372), Field(reject, 380)));
    }

    public async Task DisposeAsync()
    {
        await _peer.DisposeAsync();
        await _gateway.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }
}
