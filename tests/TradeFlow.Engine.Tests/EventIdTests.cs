using System.Text;
using TradeFlow.Engine.Journaling;

namespace TradeFlow.Engine.Tests;

public sealed class EventIdTests
{
    [Fact]
    public void Name_based_ids_match_the_RFC_9562_version_5_example()
    {
        // RFC 9562 appendix A.4: the DNS namespace and "www.example.com".
        var dns = new Guid("6ba7b810-9dad-11d1-80b4-00c04fd430c8");

        var id = EventIds.NameBased(dns, Encoding.UTF8.GetBytes("www.example.com"));

        Assert.Equal(new Guid("2ed6657d-e927-568b-95e1-2665a8aea6a2"), id);
    }

    [Fact]
    public void An_event_id_depends_only_on_the_source_key_and_the_event_index()
    {
        Assert.Equal(EventIds.For("FIX:A:571=1", 0), EventIds.For("FIX:A:571=1", 0));
        Assert.NotEqual(EventIds.For("FIX:A:571=1", 0), EventIds.For("FIX:A:571=1", 1));
        Assert.NotEqual(EventIds.For("FIX:A:571=1", 0), EventIds.For("FIX:A:571=2", 0));
    }

    [Fact]
    public void A_very_long_source_key_still_gets_an_id()
    {
        var key = new string('k', 5_000);

        Assert.Equal(EventIds.For(key, 3), EventIds.For(key, 3));
    }
}
