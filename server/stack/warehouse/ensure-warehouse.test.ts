import { randomUUID } from "node:crypto";
import mysql, { type Connection, type RowDataPacket } from "mysql2/promise";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testStack } from "../testing/test-stack";
import { ensureWarehouseLayout, type WarehouseLayoutOptions } from "./ensure-warehouse";

const stack = testStack();
const admin = new URL(stack.mysqlAdminUrl);
const tcp = { host: admin.hostname, port: Number(admin.port || 3306) };
const suffix = randomUUID().replace(/-/g, "").slice(0, 10);
const database = `stack_test_${suffix}`;
const layout: WarehouseLayoutOptions = {
  admin: { ...tcp, user: decodeURIComponent(admin.username) || "root", password: decodeURIComponent(admin.password) || undefined },
  writer: { ...tcp, user: `w_${suffix}`, password: "writer-pw" },
  reader: { ...tcp, user: `r_${suffix}`, password: "reader-pw" },
  database,
};

let root: Connection;

beforeAll(async () => {
  root = await mysql.createConnection(layout.admin);
});

afterAll(async () => {
  await root.query(`DROP DATABASE IF EXISTS \`${database}\``);
  await root.query(`DROP DATABASE IF EXISTS \`${database}_connector\``);
  for (const user of [layout.writer.user, layout.reader.user]) {
    for (const host of ["%", "localhost"]) await root.query("DROP USER IF EXISTS ?@?", [user, host]);
  }
  await root.end();
});

describe("warehouse provisioning", () => {
  it("creates the databases, the purchases table and both accounts, and a second run changes nothing", async () => {
    const first = await ensureWarehouseLayout(layout);
    expect(first).toEqual(
      expect.arrayContaining([
        `database ${database}`,
        `database ${database}_connector`,
        `table ${database}.purchases`,
        `account ${layout.reader.user}@%`,
      ]),
    );
    await root.query(
      `INSERT INTO \`${database}\`.purchases (customerId, amount, itemCode, kafka_topic, kafka_partition, kafka_offset) VALUES ('CU-1277', 12.5, '12345670', 'purchases', 0, 0)`,
    );

    expect(await ensureWarehouseLayout(layout)).toEqual([]);
    const [rows] = await root.query<RowDataPacket[]>(`SELECT COUNT(*) AS n FROM \`${database}\`.purchases`);
    expect(Number(rows[0]?.n)).toBe(1);
  });

  it("has the contract's purchases columns with the Kafka coordinates as primary key", async () => {
    await ensureWarehouseLayout(layout);
    const [columns] = await root.query<RowDataPacket[]>(
      "SELECT column_name AS name, column_key AS k FROM information_schema.columns WHERE table_schema = ? AND table_name = 'purchases' ORDER BY ordinal_position",
      [database],
    );
    expect(columns.map((column) => column.name)).toEqual([
      "customerId",
      "amount",
      "itemCode",
      "kafka_topic",
      "kafka_partition",
      "kafka_offset",
      "loaded_at",
    ]);
    expect(columns.filter((column) => column.k === "PRI").map((column) => column.name)).toEqual([
      "kafka_topic",
      "kafka_partition",
      "kafka_offset",
    ]);
  });

  it("hides the Kafka coordinates from SELECT *, which shows the seed's three columns, and serves them by name", async () => {
    await ensureWarehouseLayout(layout);
    await root.query(`DELETE FROM \`${database}\`.purchases`);
    await root.query(
      `INSERT INTO \`${database}\`.purchases (customerId, amount, itemCode, kafka_topic, kafka_partition, kafka_offset) VALUES ('CU-1001', 10, '12345670', 'purchases', 2, 7)`,
    );
    const [star, starFields] = await root.query<RowDataPacket[]>(`SELECT * FROM \`${database}\`.purchases`);
    expect(starFields.map((field) => field.name)).toEqual(["customerId", "amount", "itemCode"]);
    expect(star).toHaveLength(1);
    const [named] = await root.query<RowDataPacket[]>(`SELECT kafka_topic, kafka_partition, kafka_offset FROM \`${database}\`.purchases`);
    expect(named).toEqual([{ kafka_topic: "purchases", kafka_partition: 2, kafka_offset: 7 }]);
  });

  it("hides the coordinates of a table created before they were invisible, keeping its rows", async () => {
    const legacy = `${database}_legacy`;
    await root.query(`CREATE DATABASE \`${legacy}\``);
    try {
      await root.query(
        `CREATE TABLE \`${legacy}\`.purchases (customerId VARCHAR(50) NOT NULL, amount DOUBLE(10,3) NOT NULL, itemCode VARCHAR(50) NOT NULL, ` +
          "kafka_topic VARCHAR(249) NOT NULL, kafka_partition INT NOT NULL, kafka_offset BIGINT NOT NULL, " +
          "loaded_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), PRIMARY KEY (kafka_topic, kafka_partition, kafka_offset))",
      );
      await root.query(`INSERT INTO \`${legacy}\`.purchases VALUES ('CU-1277', 12.5, '12345670', 'purchases', 0, 0, NOW(3))`);
      const changes = await ensureWarehouseLayout({ ...layout, database: legacy });
      expect(changes).toContain(
        `columns kafka_topic, kafka_partition, kafka_offset, loaded_at of ${legacy}.purchases hidden from SELECT *`,
      );
      const [star, starFields] = await root.query<RowDataPacket[]>(`SELECT * FROM \`${legacy}\`.purchases`);
      expect(starFields.map((field) => field.name)).toEqual(["customerId", "amount", "itemCode"]);
      expect(star).toEqual([{ customerId: "CU-1277", amount: 12.5, itemCode: "12345670" }]);
      expect(await ensureWarehouseLayout({ ...layout, database: legacy })).toEqual([]);
    } finally {
      await root.query(`DROP DATABASE IF EXISTS \`${legacy}\``);
      await root.query(`DROP DATABASE IF EXISTS \`${legacy}_connector\``);
    }
  });

  it("in hosted mode makes purchases system-versioned once, still hides columns of a versioned table, and lets the writer prune its history", async () => {
    const hosted = `${database}_hosted`;
    await root.query(`CREATE DATABASE \`${hosted}\``);
    try {
      await root.query(
        `CREATE TABLE \`${hosted}\`.purchases (customerId VARCHAR(50) NOT NULL, amount DOUBLE(10,3) NOT NULL, itemCode VARCHAR(50) NOT NULL, ` +
          "kafka_topic VARCHAR(249) NOT NULL, kafka_partition INT NOT NULL, kafka_offset BIGINT NOT NULL, " +
          "loaded_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), PRIMARY KEY (kafka_topic, kafka_partition, kafka_offset)) WITH SYSTEM VERSIONING",
      );
      await root.query(`INSERT INTO \`${hosted}\`.purchases VALUES ('CU-1277', 12.5, '12345670', 'purchases', 0, 0, NOW(3))`);
      const changes = await ensureWarehouseLayout({ ...layout, database: hosted, systemVersioning: true });
      expect(changes).toContain(
        `columns kafka_topic, kafka_partition, kafka_offset, loaded_at of ${hosted}.purchases hidden from SELECT *`,
      );
      const [star] = await root.query<RowDataPacket[]>(`SELECT * FROM \`${hosted}\`.purchases`);
      expect(star).toEqual([{ customerId: "CU-1277", amount: 12.5, itemCode: "12345670" }]);
      expect(await ensureWarehouseLayout({ ...layout, database: hosted, systemVersioning: true })).toEqual([]);

      await ensureWarehouseLayout(layout);
      expect(await ensureWarehouseLayout({ ...layout, systemVersioning: true })).toEqual([
        `${database}.purchases made system-versioned (per-visitor pipeline stops)`,
      ]);
      const [types] = await root.query<RowDataPacket[]>(
        "SELECT TABLE_TYPE AS t FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = 'purchases'",
        [database],
      );
      expect(types[0]?.t).toBe("SYSTEM VERSIONED");
      const writer = await mysql.createConnection({ ...layout.writer, database });
      try {
        await writer.query("DELETE FROM purchases");
        await writer.query("DELETE HISTORY FROM purchases BEFORE SYSTEM_TIME NOW(6)");
      } finally {
        await writer.end();
      }
    } finally {
      await root.query(`DROP DATABASE IF EXISTS \`${hosted}\``);
      await root.query(`DROP DATABASE IF EXISTS \`${hosted}_connector\``);
    }
  });

  it("gives the read-only account SELECT on the warehouse database and nothing else", async () => {
    await ensureWarehouseLayout(layout);
    const reader = await mysql.createConnection({ ...layout.reader, database });
    try {
      await expect(reader.query("SELECT COUNT(*) FROM purchases")).resolves.toBeDefined();
      const forbidden = [
        "INSERT INTO purchases (customerId, amount, itemCode, kafka_topic, kafka_partition, kafka_offset) VALUES ('x', 1, 'y', 't', 0, 99)",
        "UPDATE purchases SET amount = 0",
        "DELETE FROM purchases",
        "CREATE TABLE sneaky (id INT)",
        "DROP TABLE purchases",
        `CREATE DATABASE \`${database}_sneaky\``,
        `SELECT * FROM \`${database}_connector\`.offsets`,
      ];
      for (const statement of forbidden) {
        await expect(reader.query(statement), statement).rejects.toMatchObject({
          code: expect.stringMatching(/^ER_(TABLEACCESS_DENIED|DBACCESS_DENIED|SPECIFIC_ACCESS_DENIED)/),
        });
      }
      const [databases] = await reader.query<RowDataPacket[]>("SHOW DATABASES");
      const names = databases.map((row) => String(Object.values(row)[0]));
      expect(names).toContain(database);
      expect(names).not.toContain(`${database}_connector`);
      const [tables] = await reader.query<RowDataPacket[]>("SHOW TABLES");
      expect(tables).toHaveLength(1);
    } finally {
      await reader.end();
    }
  });

  it("lets the writer account write the warehouse and the connector's database", async () => {
    await ensureWarehouseLayout(layout);
    const writer = await mysql.createConnection({ ...layout.writer, database });
    try {
      await writer.query(`CREATE TABLE IF NOT EXISTS \`${database}_connector\`.offsets (id INT PRIMARY KEY)`);
      await writer.query(
        "INSERT INTO purchases (customerId, amount, itemCode, kafka_topic, kafka_partition, kafka_offset) VALUES ('CU-1000', 10, '12345670', 'purchases', 1, 5)",
      );
    } finally {
      await writer.end();
    }
  });

  it("takes write grants away from the read-only account but leaves its SELECT on other databases", async () => {
    await ensureWarehouseLayout(layout);
    const other = `${database}_other`;
    await root.query(`CREATE DATABASE IF NOT EXISTS \`${other}\``);
    try {
      await root.query(`GRANT INSERT ON \`${database}\`.* TO ?@'%'`, [layout.reader.user]);
      await root.query(`GRANT SELECT ON \`${other}\`.* TO ?@'%'`, [layout.reader.user]);
      expect(await ensureWarehouseLayout(layout)).toEqual([`grants of ${layout.reader.user}@% reduced to SELECT`]);
      const [grants] = await root.query<RowDataPacket[]>("SHOW GRANTS FOR ?@'%'", [layout.reader.user]);
      const lines = grants.map((row) => String(Object.values(row)[0])).join("\n");
      expect(lines).not.toContain("INSERT");
      expect(lines).toContain(`GRANT SELECT ON \`${database}\`.*`);
    } finally {
      await root.query(`DROP DATABASE IF EXISTS \`${other}\``);
    }
  });

  it("restores a changed password of an account on the next run", async () => {
    await ensureWarehouseLayout(layout);
    for (const host of ["%", "localhost"]) await root.query("ALTER USER ?@? IDENTIFIED BY 'something-else'", [layout.reader.user, host]);
    expect(await ensureWarehouseLayout(layout)).toEqual([`password of ${layout.reader.user}`]);
    const reader = await mysql.createConnection({ ...layout.reader, database });
    await reader.end();
  });
});
