package org.limber.common.export;

/**
 * One collection of a member's data export: the name it has in the export, the table it comes from, and
 * the query that reads the member's rows of that table. The query binds the member's id to every one of
 * its parameters and orders its rows (a stable order, so an export read twice reads the same rows).
 *
 * @param name  the collection's key in the export (camelCase)
 * @param table the table the rows come from (the completeness test checks every table is named somewhere)
 * @param sql   a select of the member's rows; every {@code ?} is the member's id
 */
public record ExportSection(String name, String table, String sql) {}
