import { describe, expect, it } from "vitest";
import { findWarehouseServer } from "./server-binary";

describe("warehouse server binary", () => {
  it("names the install command, MARIADB_BIN and MYSQL_URL when no mariadbd/mysqld exists anywhere", async () => {
    await expect(findWarehouseServer(undefined, "/nonexistent", ["/nonexistent-sbin"])).rejects.toMatchObject({
      code: "stack:missing_prerequisite",
      message: expect.stringMatching(/No MariaDB\/MySQL server binary.*apt-get install mariadb-server.*MARIADB_BIN.*MYSQL_URL/s),
    });
  });

  it("finds the machine's server and its install tool", async () => {
    const binary = await findWarehouseServer(undefined, "/usr/bin:/bin");
    expect(binary.serverPath).toMatch(/(mariadbd|mysqld)$/);
    expect(binary.flavor === "mysql" || binary.installDbPath !== undefined).toBe(true);
  });
});
