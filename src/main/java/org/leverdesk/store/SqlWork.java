package org.leverdesk.store;

import java.sql.Connection;
import java.sql.SQLException;

/** A unit of JDBC work run by {@link Store#read} or {@link Store#inTransaction}. */
@FunctionalInterface
public interface SqlWork<T> {
    T apply(Connection connection) throws SQLException;
}
