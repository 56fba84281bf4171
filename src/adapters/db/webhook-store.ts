import { and, arrayContains, count, desc, eq, type SQL } from 'drizzle-orm';
import type { FirmScope } from '../../application/ports/index.ts';
import type { WebhookDelivery } from '../../application/records.ts';
import type { Db } from './database.ts';
import { webhookDeliveries, webhookEndpoints } from './schema/index.ts';

const toEndpoint = ({ firmId: _firm, secret: _secret, ...row }: typeof webhookEndpoints.$inferSelect) => row;
const toDelivery = ({
  firmId: _firm,
  status,
  ...row
}: typeof webhookDeliveries.$inferSelect): WebhookDelivery => ({
  ...row,
  status,
});

export const webhookRepo = (db: Db, firmId: string): FirmScope['webhooks'] => {
  const endpoint = (id: string) => and(eq(webhookEndpoints.firmId, firmId), eq(webhookEndpoints.id, id));
  return {
    async findEndpoint(id) {
      const [row] = await db.select().from(webhookEndpoints).where(endpoint(id));
      return row && toEndpoint(row);
    },
    async listEndpoints() {
      const rows = await db
        .select()
        .from(webhookEndpoints)
        .where(eq(webhookEndpoints.firmId, firmId))
        .orderBy(webhookEndpoints.createdAt, webhookEndpoints.id);
      return rows.map(toEndpoint);
    },
    async listSubscribers(eventType) {
      const rows = await db
        .select()
        .from(webhookEndpoints)
        .where(
          and(
            eq(webhookEndpoints.firmId, firmId),
            eq(webhookEndpoints.isActive, true),
            arrayContains(webhookEndpoints.events, [eventType]),
          ),
        );
      return rows.map(toEndpoint);
    },
    async findSecret(endpointId) {
      const [row] = await db
        .select({ secret: webhookEndpoints.secret })
        .from(webhookEndpoints)
        .where(endpoint(endpointId));
      return row?.secret;
    },
    async insertEndpoint(input) {
      await db.insert(webhookEndpoints).values({ ...input, firmId });
    },
    async updateEndpoint({ id, expectedVersion, fields, at }) {
      const [row] = await db
        .update(webhookEndpoints)
        .set({ ...fields, version: expectedVersion + 1, updatedAt: at })
        .where(and(endpoint(id), eq(webhookEndpoints.version, expectedVersion)))
        .returning();
      return row && toEndpoint(row);
    },
    async deleteEndpoint(id) {
      const rows = await db
        .delete(webhookEndpoints)
        .where(endpoint(id))
        .returning({ id: webhookEndpoints.id });
      return rows.length > 0;
    },
    async findDelivery(id) {
      const [row] = await db
        .select()
        .from(webhookDeliveries)
        .where(and(eq(webhookDeliveries.firmId, firmId), eq(webhookDeliveries.id, id)));
      return row && toDelivery(row);
    },
    async listDeliveries(filter) {
      const conditions: SQL[] = [eq(webhookDeliveries.firmId, firmId)];
      if (filter.endpointId) conditions.push(eq(webhookDeliveries.endpointId, filter.endpointId));
      const where = and(...conditions);
      const [rows, [total]] = await Promise.all([
        db
          .select()
          .from(webhookDeliveries)
          .where(where)
          .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
          .limit(filter.pageSize)
          .offset((filter.page - 1) * filter.pageSize),
        db.select({ value: count() }).from(webhookDeliveries).where(where),
      ]);
      return {
        items: rows.map(toDelivery),
        total: Number(total?.value ?? 0),
        page: filter.page,
        pageSize: filter.pageSize,
      };
    },
    async insertDelivery(delivery) {
      const rows = await db
        .insert(webhookDeliveries)
        .values({ ...delivery, firmId })
        .onConflictDoNothing()
        .returning({ id: webhookDeliveries.id });
      return rows.length > 0;
    },
    async updateDelivery(id, fields) {
      await db
        .update(webhookDeliveries)
        .set(fields)
        .where(and(eq(webhookDeliveries.firmId, firmId), eq(webhookDeliveries.id, id)));
    },
  };
};
