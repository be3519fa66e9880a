package com.threadline.chat.system;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The application's {@link DataSource}, which checks its login role
 * ({@link DatabaseRoleCheck}) on the first connection anyone takes, so before Flyway
 * migrates or a request reads, and keeps refusing connections if the role is unsafe. On
 * first use rather than at start-up, so that a context built without a database (the
 * image's ahead-of-time training run) does not need one.
 */
final class RoleCheckedDataSource extends DelegatingDataSource {

	private final DatabaseProperties properties;

	private volatile boolean checked;

	private volatile @Nullable RuntimeException refusal;

	RoleCheckedDataSource(DataSource target, DatabaseProperties properties) {
		super(target);
		this.properties = properties;
	}

	@Override
	public Connection getConnection() throws SQLException {
		return checked(obtainTargetDataSource().getConnection());
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return checked(obtainTargetDataSource().getConnection(username, password));
	}

	private Connection checked(Connection connection) throws SQLException {
		if (!this.checked) {
			try {
				verify(connection);
			}
			catch (SQLException | RuntimeException ex) {
				connection.close();
				throw ex;
			}
		}
		return connection;
	}

	private synchronized void verify(Connection connection) throws SQLException {
		if (this.refusal == null && !this.checked) {
			try {
				DatabaseRoleCheck.check(DatabaseRoleCheck.roleOf(connection), this.properties);
				this.checked = true;
			}
			catch (IllegalStateException ex) {
				this.refusal = ex;
			}
		}
		RuntimeException refused = this.refusal;
		if (refused != null) {
			throw refused;
		}
	}

}
