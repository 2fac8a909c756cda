namespace TradeFlow.Fix.Tests.Fuzz;

/// <summary>Valid bodies (fields after the standard header) of the application messages TradeFlow takes, as the mutator's starting points.</summary>
internal static class FuzzTemplates
{
    private const string Parties = "453=2|448=JSMITH|447=D|452=12|448=7LTWFZYICNSX8D621K86|447=N|452=17|";

    private const string Instrument = "48=US0378331005|22=4|55=AAPL|";

    /// <summary>(MsgType, body) pairs; each body is valid for the shipped FIX44-TradeFlow dictionary.</summary>
    public static readonly (string MsgType, FuzzField[] Body)[] All =
    [
        ("D", Fields($"11=CL-1|1=EQ-NY|{Parties}{Instrument}54=1|60=20260317-09:59:00.000|38=100|40=2|44=190.25|75=20260317|")),
        ("G", Fields($"11=CL-2|41=CL-1|1=EQ-NY|{Parties}{Instrument}54=1|60=20260317-09:59:00.000|38=150|40=2|44=190.25|75=20260317|")),
        ("F", Fields($"11=CL-3|41=CL-1|{Instrument}54=1|60=20260317-09:59:00.000|38=100|")),
        ("AE", Fields($"571=TR-1|487=0|856=0|570=N|{Instrument}32=200|31=190.50|75=20260317|60=20260317-09:59:30.000|552=1|54=2|{Parties}1=EQ-NY|")),
        ("J", Fields($"70=AL-1|71=0|626=1|54=1|{Instrument}53=100|6=190.25|75=20260317|60=20260317-09:59:40.000|73=1|11=CL-1|78=2|" +
            "79=EQ-NY|80=60|539=1|524=7LTWFZYICNSX8D621K86|525=N|538=17|79=EQ-LN|80=40|539=1|524=784F5XWPLTWKTBV3E584|525=N|538=17|")),
    ];

    private static FuzzField[] Fields(string text) =>
        text.TrimEnd('|').Split('|').Select(f => f.Split('=', 2)).Select(p => new FuzzField(int.Parse(p[0], System.Globalization.CultureInfo.InvariantCulture), p[1])).ToArray();
}
