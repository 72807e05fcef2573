import type { Pool, PoolConnection } from "mysql2/promise";

/**
 * Runs `work` in one warehouse transaction on a pooled connection: COMMIT when it returns,
 * ROLLBACK when it throws (the error goes on), and the connection back to the pool either way.
 */
export async function inWarehouseTransaction<T>(pool: Pool, work: (connection: PoolConnection) => Promise<T>): Promise<T> {
  const connection = await pool.getConnection();
  try {
    await connection.beginTransaction();
    try {
      const result = await work(connection);
      await connection.commit();
      return result;
    } catch (error) {
      await connection.rollback().catch(() => {});
      throw error;
    }
  } finally {
    connection.release();
  }
}
