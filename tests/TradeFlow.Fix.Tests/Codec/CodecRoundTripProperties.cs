using System.Text;
using FsCheck;
using FsCheck.Fluent;
using TradeFlow.Fix.Codec;

namespace TradeFlow.Fix.Tests.Codec;

public sealed class CodecRoundTripProperties
{
    private static readonly DateTime SendingTime = new(2026, 3, 15, 9, 30, 1, 123, DateTimeKind.Utc);

    // Header, trailer and data tags are the encoder's or the tokenizer's business, not a random body's.
    private static readonly HashSet<int> Reserved = [8, 9, 10, 34, 35, 43, 49, 52, 56, 122, 448, 447, 452, 453, 802,
        523, 803, 90, 91, 93, 89, 95, 96, 212, 213, 348, 349, 350, 351, 352, 353, 354, 355, 356, 357, 360, 361, 362,
        363, 364, 365, 445, 446, 618, 619, 621, 622];

    private static Gen<string> Text() =>
        Gen.ArrayOf(Gen.Choose(0x20, 0x7E).Select(c => (char)c)).Select(chars => new string(chars));

    private static Gen<(int Tag, string Value)> Field() =>
        from tag in Gen.Choose(1, 9999).Where(t => !Reserved.Contains(t))
        from value in Gen.OneOf(
            Text(),
            Gen.Choose(int.MinValue, int.MaxValue).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            from units in Gen.Choose(-1_000_000, 1_000_000)
            from scale in Gen.Choose(0, 8)
            select new decimal(Math.Abs(units), 0, 0, units < 0, (byte)scale).ToString(System.Globalization.CultureInfo.InvariantCulture))
        select (tag, value);

    private static Gen<(string Id, string Role)[]> Parties() =>
        Gen.ArrayOf(from id in Text().Where(s => s.Length > 0) from role in Gen.Choose(1, 99) select (id, role.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    private static Gen<Body> Bodies() =>
        from fields in Gen.ArrayOf(Field())
        from parties in Parties()
        from msgType in Gen.Elements("D", "8", "AE", "AR", "j", "U1")
        from seq in Gen.Choose(1, int.MaxValue)
        select new Body(msgType, seq, fields, parties);

    [Fact]
    public void Any_encoded_message_parses_back_to_the_same_fields_and_group()
    {
        Prop.ForAll(Bodies().ToArbitrary(), body =>
        {
            var bytes = body.Encode();
            var message = FixMessage.Parse(bytes);

            var read = Enumerable.Range(7, body.Fields.Length).Select(i => (message[i].Tag, Utf8(message.ValueAt(i))));
            var sameFields = read.SequenceEqual(body.Fields);
            var sameParties = body.Parties.Length == 0
                ? !message.Contains(Tags.NoPartyIDs)
                : message.TryGetGroup(Fix44Groups.NoPartyIDs, out var group) && group.Count == body.Parties.Length
                    && Enumerable.Range(0, group.Count).All(i =>
                        group[i].GetString(Tags.PartyID) == body.Parties[i].Id
                        && group[i].GetString(Tags.PartyRole) == body.Parties[i].Role);
            return sameFields && sameParties && message.MsgTypeString == body.MsgType && message.MsgSeqNum == body.Seq;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void A_message_fed_in_arbitrary_pieces_parses_exactly_once()
    {
        var inputs =
            from body in Bodies()
            from cuts in Gen.ArrayOf(Gen.Choose(1, 40))
            select (body, cuts);

        Prop.ForAll(inputs.ToArbitrary(), input =>
        {
            var bytes = input.body.Encode();
            var message = new FixMessage();
            var buffered = new List<byte>();
            var complete = 0;
            var offset = 0;
            foreach (var cut in input.cuts.Append(bytes.Length))
            {
                var take = Math.Min(cut, bytes.Length - offset);
                buffered.AddRange(bytes.AsSpan(offset, take));
                offset += take;
                var status = FixParser.TryParse(buffered.ToArray(), message, out var consumed, out _);
                if (status == FixParseStatus.Complete)
                {
                    complete++;
                    buffered.RemoveRange(0, consumed);
                }
                else if (status == FixParseStatus.Garbled)
                {
                    return false;
                }
            }

            return complete == 1 && buffered.Count == 0 && message.Raw.SequenceEqual(bytes);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Any_single_byte_corruption_is_never_taken_for_a_complete_message()
    {
        var inputs =
            from body in Bodies()
            from position in Gen.Choose(0, int.MaxValue)
            from delta in Gen.Choose(1, 255)
            select (body, position, delta);

        Prop.ForAll(inputs.ToArbitrary(), input =>
        {
            var bytes = input.body.Encode();
            var at = input.position % bytes.Length;
            bytes[at] = (byte)(bytes[at] + input.delta);

            var status = FixParser.TryParse(bytes, new FixMessage(), out var consumed, out _);
            return status != FixParseStatus.Complete && (status == FixParseStatus.Incomplete ? consumed == 0 : consumed > 0);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void The_checksum_is_the_byte_sum_modulo_256_for_any_length()
    {
        var inputs = Gen.Choose(0, 600).SelectMany(n => Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), n));

        Prop.ForAll(inputs.ToArbitrary(), bytes => FixParser.ComputeCheckSum(bytes) == bytes.Sum(b => b) % 256)
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Arbitrary_bytes_never_throw_and_always_make_progress_or_ask_for_more()
    {
        var validator = new TradeFlow.Fix.Dictionary.MessageValidator(
            TradeFlow.Fix.Dictionary.DataDictionary.TradeFlowFix44, TradeFlow.Fix.Dictionary.ValidationOptions.Default);
        var inputs = Gen.OneOf(
            Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b)),
            from body in Bodies()
            from edits in Gen.ArrayOf(Gen.Choose(0, int.MaxValue).Two())
            select Mutate(body.Encode(), edits),
            from body in Bodies()
            from edits in Gen.ArrayOf(Gen.Choose(0, int.MaxValue).Two())
            select Reframe(body.Encode(), edits));

        Prop.ForAll(inputs.ToArbitrary(), bytes =>
        {
            var message = new FixMessage();
            var input = bytes.AsSpan();
            while (!input.IsEmpty)
            {
                var status = FixParser.TryParse(input, message, out var consumed, out _);
                if (status == FixParseStatus.Incomplete)
                {
                    return consumed == 0;
                }

                if (consumed <= 0 || consumed > input.Length)
                {
                    return false;
                }

                if (status == FixParseStatus.Complete)
                {
                    validator.TryValidate(message, out _);
                }

                input = input[consumed..];
            }

            return true;
        }).QuickCheckThrowOnFailure();
    }

    private static byte[] Mutate(byte[] bytes, (int At, int Value)[] edits)
    {
        foreach (var (at, value) in edits)
        {
            bytes[at % bytes.Length] = (byte)(value % 3 == 0 ? 1 : value);
        }

        return bytes;
    }

    // Corrupts the body but recomputes BodyLength and CheckSum, so the validator sees well-framed nonsense.
    private static byte[] Reframe(byte[] bytes, (int At, int Value)[] edits)
    {
        var text = FixText.Pipes(bytes);
        var body = text[(text.IndexOf("|35=", StringComparison.Ordinal) + 1)..text.LastIndexOf("10=", StringComparison.Ordinal)].ToCharArray();
        foreach (var (at, value) in edits)
        {
            body[at % body.Length] = "=|0123456789AZaz-.: "[value % 20];
        }

        return FixText.Frame(new string(body));
    }

    private static string Utf8(ReadOnlySpan<byte> bytes) => Encoding.UTF8.GetString(bytes);

    private sealed record Body(string MsgType, int Seq, (int Tag, string Value)[] Fields, (string Id, string Role)[] Parties)
    {
        public byte[] Encode()
        {
            var writer = new FixFieldWriter(64);
            foreach (var (tag, value) in Fields)
            {
                writer.Add(tag, value);
            }

            if (Parties.Length > 0)
            {
                writer.Add(Tags.NoPartyIDs, Parties.Length);
                foreach (var (id, role) in Parties)
                {
                    writer.Add(Tags.PartyID, id);
                    writer.Add(Tags.PartyIDSource, 'D');
                    writer.Add(Tags.PartyRole, int.Parse(role, System.Globalization.CultureInfo.InvariantCulture));
                }
            }

            var header = new FixHeader("FIX.4.4", "SENDER", "TARGET", Seq, SendingTime);
            return FixEncoder.EncodeToArray(header, Encoding.ASCII.GetBytes(MsgType), writer.Written);
        }
    }
}
