using TradeFlow.Domain.Values;

namespace TradeFlow.Domain.ReferenceData;

/// <summary>A trading book: the unit that owns positions and P&amp;L.</summary>
public sealed record Book
{
    /// <summary>Creates a book.</summary>
    /// <exception cref="ReferenceDataException">A field is invalid.</exception>
    public Book(BookId id, string name, bool isActive = true)
    {
        ReferenceDataException.ThrowIf(id.IsDefault, "Book", nameof(Id), "must be set");
        Name = ReferenceDataException.RequireText(name, $"Book {id}", nameof(Name));
        Id = id;
        IsActive = isActive;
    }

    /// <summary>The book code.</summary>
    public BookId Id { get; }

    /// <summary>Display name.</summary>
    public string Name { get; }

    /// <summary>False when closed for new bookings.</summary>
    public bool IsActive { get; }
}
