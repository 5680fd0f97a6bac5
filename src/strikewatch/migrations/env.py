"""Alembic environment: runs on the connection the Store hands over, or on a URL for the CLI."""

from alembic import context
from sqlalchemy import create_engine

from strikewatch.store import Base

target_metadata = Base.metadata


def run_migrations(connection) -> None:
    context.configure(connection=connection, target_metadata=target_metadata,
                      render_as_batch=connection.dialect.name == "sqlite")
    with context.begin_transaction():
        context.run_migrations()


connection = context.config.attributes.get("connection")
if connection is not None:
    run_migrations(connection)
else:
    with create_engine(context.config.get_main_option("sqlalchemy.url")).connect() as conn:
        run_migrations(conn)
        conn.commit()
