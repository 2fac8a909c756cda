namespace TradeFlow.Postgres.Schema;

/// <summary>
/// One versioned schema change. <paramref name="Sql"/> uses <c>{schema}</c> for the configured schema;
/// a migration, once released, is never edited: a change is a new migration with the next version.
/// </summary>
/// <param name="Version">The migration's number (1, 2, …), applied in order, each once.</param>
/// <param name="Name">A short description, recorded in <c>schema_migrations</c>.</param>
/// <param name="Sql">The DDL, run in the migrating transaction.</param>
public readonly record struct Migration(int Version, string Name, string Sql);
