using System.Globalization;
using System.Text;

namespace TradeFlow.Fix.Tests.Fuzz;

/// <summary>
/// Mutates a valid body into one that is still framed (every field is <c>tag=value&lt;SOH&gt;</c> with a positive tag)
/// but may break the dictionary in any way: dropped, duplicated, unknown or misplaced tags, wrong types, empty values,
/// out-of-range enums, wrong group counts, header tags in the body, and an odd MsgType now and then. Data-length tags
/// are never inserted: a stray RawDataLength before a RawData would change where the tokenizer ends a field, and that
/// is the codec's concern, not this test's.
/// </summary>
internal sealed class BodyMutator(Random random)
{
    private static readonly HashSet<int> DataTags = [89, 90, 91, 93, 95, 96, 212, 213, 348, 349, 350, 351, 352, 353, 354, 355,
        356, 357, 360, 361, 362, 363, 364, 365, 445, 446, 618, 619, 621, 622];

    private static readonly string[] OddValues = ["", "abc", "-1", "1.5.6", "99999999999999999999999", "Y", "N", "20261340-25:61:61",
        "é€", " ", "0", "1e5", "+3", "12:00", "=", "==x", "-0.0", "2147483648", "Z", "*", "20260317", "20260317-10:00:00.000"];

    private static readonly int[] EnumTags = [54, 40, 22, 487, 856, 570, 447, 452, 71, 626, 525, 538];

    private static readonly int[] GroupCountTags = [453, 552, 78, 539, 73];

    private static readonly (int Tag, string Value)[] HeaderFields = [(8, "FIX.4.4"), (9, "123"), (35, "D"), (49, "FUZZER"),
        (49, "INTRUDER"), (56, "TRADEFLOW"), (56, "ELSEWHERE"), (34, "999999"), (34, "1"), (52, "20260317-10:00:00.000"), (43, "Y"),
        (97, "Y"), (122, "20260317-09:00:00.000"), (115, "ONBEHALF"), (128, "DELIVERTO"), (10, "000")];

    // Application types only: a mutated admin message (Logout, SequenceReset, ...) would change the session's state,
    // which the session-ending test exercises on purpose rather than at random.
    private static readonly string[] OddMsgTypes = ["8", "9", "AR", "P", "j", "V", "AD", "ZZ", "d", "U1", "DD"];

    /// <summary>A body and MsgType for the next framed message; <paramref name="mutations"/> says what was done ("" = left valid).</summary>
    public (string MsgType, byte[] Body) Next(out string mutations)
    {
        var (msgType, template) = FuzzTemplates.All[random.Next(FuzzTemplates.All.Length)];
        var fields = template.ToList();
        var done = new StringBuilder();
        var count = random.Next(20) == 0 ? 0 : random.Next(1, 4);
        for (var i = 0; i < count; i++)
        {
            done.Append(Mutate(fields, ref msgType)).Append("; ");
        }

        mutations = done.ToString();
        return (msgType, Encode(fields));
    }

    private string Mutate(List<FuzzField> fields, ref string msgType)
    {
        var at = random.Next(fields.Count);
        switch (random.Next(10))
        {
            case 0 when fields.Count > 1:
                fields.RemoveAt(at);
                return $"drop #{at}";
            case 1:
                fields.Insert(random.Next(fields.Count + 1), fields[at]);
                return $"duplicate {fields[at].Tag}";
            case 2:
                var tag = RandomTag();
                fields.Insert(random.Next(fields.Count + 1), new FuzzField(tag, "X"));
                return $"insert tag {tag}";
            case 3:
                fields[at] = fields[at] with { Value = Pick(OddValues) };
                return $"value of {fields[at].Tag} = '{fields[at].Value}'";
            case 4:
                fields[at] = fields[at] with { Value = "" };
                return $"empty {fields[at].Tag}";
            case 5:
                return SetFirst(fields, Pick(EnumTags), Pick(["Z", "99", "0", "*", "-"]), "enum");
            case 6:
                return SetFirst(fields, Pick(GroupCountTags), Pick(["0", "1", "2", "3", "1000", "x", "-1"]), "group count");
            case 7:
                var (headerTag, headerValue) = Pick(HeaderFields);
                fields.Insert(random.Next(fields.Count + 1), new FuzzField(headerTag, headerValue));
                return $"header {headerTag}={headerValue} in body";
            case 8:
                var other = random.Next(fields.Count);
                (fields[at], fields[other]) = (fields[other], fields[at]);
                return $"swap #{at} #{other}";
            default:
                msgType = Pick(OddMsgTypes);
                return $"MsgType '{msgType}'";
        }
    }

    private static string SetFirst(List<FuzzField> fields, int tag, string value, string what)
    {
        var index = fields.FindIndex(f => f.Tag == tag);
        if (index < 0)
        {
            return $"{what}: no {tag}";
        }

        fields[index] = fields[index] with { Value = value };
        return $"{what} {tag}={value}";
    }

    private int RandomTag()
    {
        while (true)
        {
            // Mostly tags a FIX 4.4 dictionary may define (not for this message), sometimes user-defined or beyond.
            var tag = random.Next(4) == 0 ? random.Next(5000, 100_000) : random.Next(1, 1000);
            if (!DataTags.Contains(tag))
            {
                return tag;
            }
        }
    }

    private T Pick<T>(T[] items) => items[random.Next(items.Length)];

    private static byte[] Encode(List<FuzzField> fields)
    {
        var text = new StringBuilder();
        foreach (var field in fields)
        {
            text.Append(field.Tag.ToString(CultureInfo.InvariantCulture)).Append('=').Append(field.Value).Append('\u0001');
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
