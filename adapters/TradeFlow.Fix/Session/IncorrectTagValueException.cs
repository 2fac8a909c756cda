using System.Globalization;

namespace TradeFlow.Fix.Session;

/// <summary>Thrown by <see cref="IApplication.FromApp"/> when a field's value is unacceptable: answered with Reject (3), 373=5, 371=tag.</summary>
public sealed class IncorrectTagValueException : TagException
{
    /// <summary>Creates the exception for <paramref name="tag"/>.</summary>
    public IncorrectTagValueException(int tag)
        : base(tag, string.Create(CultureInfo.InvariantCulture, $"Value is incorrect (out of range) for this tag: {tag}"))
    {
    }

    /// <inheritdoc/>
    public override int SessionRejectReason => 5;
}
