import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../src/application/app-error.ts';
import type { Service } from '../../../src/application/records.ts';
import { apiAs } from '../../support/api-client.ts';
import { aFirmWithUsers, createTestContext, type TestContext } from '../../support/test-app.ts';
import { aServiceBody } from './builders.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

/**
 * The use cases check before writing; these writes skip the check, as the second of two racing
 * requests would: the unique key refuses them with the conflict's code, never a 500.
 */
describe('unique keys as conflicts', () => {
  it('a second user with the same e-mail gets USER.EMAIL_TAKEN', async () => {
    const firm = await aFirmWithUsers(ctx);
    const write = ctx.deps.store.transaction(firm.firmId, (scope) =>
      scope.users.insert({
        firmId: firm.firmId,
        id: ctx.deps.ids.uuid(),
        email: firm.users.lecture.email.toUpperCase(),
        name: 'Doublon',
        role: 'lecture',
        isActive: true,
        version: 1,
        createdAt: ctx.clock.now(),
        passwordHash: 'x',
      }),
    );
    await expect(write).rejects.toEqual(new AppError('USER.EMAIL_TAKEN'));
  });

  it('a second service with the same code gets SERVICE.CODE_TAKEN, on insert and on update', async () => {
    const firm = await aFirmWithUsers(ctx);
    const api = apiAs(ctx, firm.users.associe.headers);
    const taken: Service = (await api.post('/services', aServiceBody({ code: 'PRIS' }))).body;
    const other: Service = (await api.post('/services', aServiceBody({ code: 'LIBRE' }))).body;
    const insert = ctx.deps.store.transaction(firm.firmId, (scope) =>
      scope.services.insert({ ...taken, id: ctx.deps.ids.uuid() }, ctx.clock.now()),
    );
    await expect(insert).rejects.toEqual(new AppError('SERVICE.CODE_TAKEN'));
    const update = ctx.deps.store.transaction(firm.firmId, (scope) =>
      scope.services.update({
        id: other.id,
        expectedVersion: 1,
        fields: { code: 'PRIS' },
        at: ctx.clock.now(),
      }),
    );
    await expect(update).rejects.toEqual(new AppError('SERVICE.CODE_TAKEN'));
  });

  it('other database errors are left as they are', async () => {
    const firm = await aFirmWithUsers(ctx);
    const write = ctx.deps.store.transaction(firm.firmId, (scope) =>
      scope.services.recordPrice({
        id: ctx.deps.ids.uuid(),
        serviceId: '00000000-0000-4000-8000-000000000000',
        priceCents: 100,
        validFrom: ctx.clock.now(),
        coefficient: null,
        reason: 'test',
        changedBy: firm.users.associe.id,
      }),
    );
    await expect(write).rejects.not.toBeInstanceOf(AppError);
  });
});
