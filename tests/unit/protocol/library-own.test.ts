// Issue 13: skills, languages and translations are the library's own (docs/API.md, "Skills" and
// "Languages"), over HTTP on both stores: supervisors name, rename and retire skills (a retired
// one is given to nobody new, but kept by whoever has it), choose a branch's kiosk languages,
// write topic labels per language (`?lang=`), and a kiosk's request records the patron's
// language, which every answer, snapshot and event shows.
import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { expectError, forEachStore, type Json } from '../../support/server.js';

/** A skill id no other test (nor a second run on the same database) uses. */
const freshSkillId = (name: string) => `${name}-${randomUUID().slice(0, 8)}`;

forEachStore('the library’s own skills and languages', (server) => {
  const admin = () => server.adminToken();
  const newSkill = async (label = 'Genealogy', id = freshSkillId('genealogy')) =>
    (await server.ok('POST', '/api/skills', { token: await admin(), body: { id, label } }, 201))
      .skill as Json;
  const patchSkill = async (id: string, body: unknown) =>
    server.call('PATCH', `/api/skills/${id}`, { token: await admin(), body });
  const skillsAs = async (token: string) =>
    (await server.ok('GET', '/api/skills', { token }, 200)).skills as Json[];
  const setLanguages = async (branchId: string, languages: string[]) =>
    server.ok(
      'PATCH',
      `/api/branches/${branchId}`,
      { token: await admin(), body: { languages } },
      200,
    );

  it('a supervisor adds a skill; every signed-in caller and device lists it', async () => {
    const scene = await server.scene();
    const id = freshSkillId('law');
    const made = await server.call('POST', '/api/skills', {
      token: await admin(),
      body: { id, label: '  Law and legal forms  ' },
    });
    expect(made.status, made.text).toBe(201);
    expect(made.body).toEqual({ skill: { id, label: 'Law and legal forms', retired: false } });
    for (const token of [
      await admin(),
      scene.rover.token,
      scene.rover.tabletToken,
      scene.kiosk.token,
    ]) {
      const skills = await skillsAs(token);
      expect(skills).toContainEqual({ id, label: 'Law and legal forms', retired: false });
      // The starter eight stay, first and in their order.
      expect(skills.slice(0, 2)).toEqual([
        { id: 'tech', label: 'Technology', retired: false },
        { id: 'books', label: 'Finding books', retired: false },
      ]);
    }
    expectError(await server.get('/api/skills'), 401, 'unauthenticated');
  });

  it('only an admin adds or changes skills, with a well-formed id and a name', async () => {
    const scene = await server.scene();
    const body = { id: freshSkillId('esl'), label: 'English as a second language' };
    expectError(await server.post('/api/skills', body), 401, 'unauthenticated');
    expectError(await server.post('/api/skills', body, scene.rover.token), 403, 'forbidden');
    expectError(await server.post('/api/skills', body, scene.kiosk.token), 403, 'forbidden');
    const rename = { label: 'Hacked' };
    expectError(
      await server.call('PATCH', '/api/skills/tech', { token: scene.rover.token, body: rename }),
      403,
      'forbidden',
    );
    for (const bad of [
      { id: 'Genealogy', label: 'x' },
      { id: 'gen ealogy', label: 'x' },
      { id: 'a'.repeat(41), label: 'x' },
      { id: '', label: 'x' },
      { id: 'gen_ealogy', label: 'x' },
      { id: freshSkillId('blank'), label: '   ' },
      { id: freshSkillId('ctl'), label: 'a\u0000b' },
      { id: freshSkillId('extra'), label: 'x', retired: true },
      { label: 'no id' },
    ]) {
      expectError(await server.post('/api/skills', bad, await admin()), 400, 'invalid');
    }
    // 40 characters is the longest id.
    const longest = `x${randomUUID().replaceAll('-', '')}`.padEnd(40, '0');
    expect((await newSkill('Forty', longest)).id).toBe(longest);
    expectError(await patchSkill('tech', {}), 400, 'invalid');
    expectError(await patchSkill('tech', { label: ' ' }), 400, 'invalid');
    expectError(await patchSkill('no-such-skill', { label: 'x' }), 404, 'not_found');
  });

  it('an id that exists is 409, and of 200 creates at once exactly one is made', async () => {
    const existing = await newSkill('Makerspace');
    const again = await server.post(
      '/api/skills',
      { id: existing.id, label: 'Another' },
      await admin(),
    );
    expectError(again, 409, 'conflict');
    expectError(
      await server.post('/api/skills', { id: 'tech', label: 'Tech' }, await admin()),
      409,
      'conflict',
    );

    const id = freshSkillId('burst');
    const token = await admin();
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        server.post('/api/skills', { id, label: `Burst ${i}` }, token),
      ),
    );
    const made = answers.filter((a) => a.status === 201);
    expect(made).toHaveLength(1);
    for (const answer of answers) if (answer.status !== 201) expectError(answer, 409, 'conflict');
    const listed = (await skillsAs(token)).filter((skill) => skill.id === id);
    expect(listed).toEqual([made[0]!.body.skill]);
  });

  it('renaming keeps the id; everyone who has the skill keeps it', async () => {
    const skill = await newSkill('Genealogy');
    const branchId = await server.newBranch();
    const staff = await server.createStaff({ skills: [skill.id], branchIds: [branchId] });
    const renamed = await patchSkill(skill.id, { label: 'Family history' });
    expect(renamed.status, renamed.text).toBe(200);
    expect(renamed.body).toEqual({
      skill: { id: skill.id, label: 'Family history', retired: false },
    });
    expect(await skillsAs(await admin())).toContainEqual(renamed.body.skill);
    const list = (await server.ok('GET', '/api/staff', { token: await admin() }, 200)).staff;
    expect(list.find((s: Json) => s.id === staff.id).skills).toEqual([skill.id]);
  });

  it('a retired skill is listed as retired, and given to no new topic nor person', async () => {
    const token = await admin();
    const skill = await newSkill('Law');
    const branchId = await server.newBranch();
    const retired = await patchSkill(skill.id, { retired: true });
    expect(retired.status, retired.text).toBe(200);
    expect(retired.body.skill).toEqual({ id: skill.id, label: 'Law', retired: true });
    // Still listed (the report and whoever has it still name it), as retired.
    expect(await skillsAs(token)).toContainEqual(retired.body.skill);

    const refused = (answer: Json) => {
      expectError(answer, 409, 'conflict');
      expect(answer.body.error.reason).toBe('skill_retired');
      expect(answer.body.error.message).toContain(skill.id);
    };
    refused(
      await server.post(
        `/api/branches/${branchId}/topics`,
        { label: 'Legal forms', skill: skill.id },
        token,
      ),
    );
    refused(
      await server.call('PATCH', `/api/branches/${branchId}/topics/tech`, {
        token,
        body: { skill: skill.id },
      }),
    );
    refused(
      await server.post(
        '/api/staff',
        { displayName: 'Lee', pin: '2468', skills: ['tech', skill.id], branchIds: [branchId] },
        token,
      ),
    );
    const lee = await server.createStaff({ skills: ['tech'], branchIds: [branchId] });
    refused(
      await server.call('PATCH', `/api/staff/${lee.id}`, {
        token,
        body: { skills: ['tech', skill.id] },
      }),
    );
    // Nothing changed.
    const topics = (await server.ok('GET', `/api/branches/${branchId}/topics`, { token }, 200))
      .topics as Json[];
    expect(topics.find((t) => t.id === 'tech').skill).toBe('tech');
    expect(topics.some((t) => t.label === 'Legal forms')).toBe(false);
    const staff = (await server.ok('GET', '/api/staff', { token }, 200)).staff as Json[];
    expect(staff.find((s) => s.id === lee.id).skills).toEqual(['tech']);
    expect(staff.some((s) => s.displayName === 'Lee')).toBe(false);

    // Brought back, it can be given again.
    const back = await patchSkill(skill.id, { retired: false });
    expect(back.body.skill.retired).toBe(false);
    const given = await server.call('PATCH', `/api/staff/${lee.id}`, {
      token,
      body: { skills: ['tech', skill.id] },
    });
    expect(given.status, given.text).toBe(200);
    expect(given.body.staff.skills).toEqual(['tech', skill.id]);
  });

  it('a topic or person that had a skill before it was retired keeps it through edits', async () => {
    const token = await admin();
    const skill = await newSkill('Genealogy');
    const branchId = await server.newBranch();
    const topic = (
      await server.ok(
        'POST',
        `/api/branches/${branchId}/topics`,
        { token, body: { label: 'Family trees', skill: skill.id } },
        201,
      )
    ).topic as Json;
    const ana = await server.createStaff({ skills: [skill.id, 'books'], branchIds: [branchId] });
    await patchSkill(skill.id, { retired: true });

    // The person: a PATCH that keeps the retired skill (and changes others) goes through.
    const kept = await server.call('PATCH', `/api/staff/${ana.id}`, {
      token,
      body: { displayName: 'Ana María', skills: ['tech', skill.id] },
    });
    expect(kept.status, kept.text).toBe(200);
    expect(kept.body.staff).toMatchObject({ displayName: 'Ana María', skills: ['tech', skill.id] });
    const renamed = await server.call('PATCH', `/api/staff/${ana.id}`, {
      token,
      body: { displayName: 'Ana' },
    });
    expect(renamed.body.staff.skills).toEqual(['tech', skill.id]);
    // Once let go, it cannot be taken back while retired.
    await server.ok('PATCH', `/api/staff/${ana.id}`, { token, body: { skills: ['tech'] } }, 200);
    const regained = await server.call('PATCH', `/api/staff/${ana.id}`, {
      token,
      body: { skills: ['tech', skill.id] },
    });
    expectError(regained, 409, 'conflict');

    // The topic: other edits, and naming its own skill again, go through.
    const edited = await server.call('PATCH', `/api/branches/${branchId}/topics/${topic.id}`, {
      token,
      body: { label: 'Family trees and old records', skill: skill.id },
    });
    expect(edited.status, edited.text).toBe(200);
    expect(edited.body.topic).toMatchObject({
      skill: skill.id,
      label: 'Family trees and old records',
    });
    // A kiosk still asks for it, and the request carries the skill.
    const kiosk = await server.kiosk(branchId);
    const asked = await server.ok(
      'POST',
      '/api/requests',
      { token: kiosk.token, body: { id: randomUUID(), topicId: topic.id } },
      201,
    );
    expect(asked.request.skill).toBe(skill.id);
  });

  it('a branch chooses its kiosk languages, the first its default; its kiosks read them', async () => {
    const scene = await server.scene();
    const path = `/api/branches/${scene.branchId}`;
    // Every branch starts with English only.
    expect((await server.ok('GET', path, { token: scene.kiosk.token }, 200)).languages).toEqual([
      'en',
    ]);
    const kioskStream = await server.openStream('/api/kiosk/events', { token: scene.kiosk.token });
    try {
      await kioskStream.next('snapshot');
      const set = await setLanguages(scene.branchId, ['es', 'en', 'zh-hans', 'AR']);
      // Kept in the order given, in each tag's canonical spelling.
      expect(set.languages).toEqual(['es', 'en', 'zh-Hans', 'ar']);
      const heard = (await kioskStream.next('branch')).json as Json;
      expect(heard.branch.languages).toEqual(['es', 'en', 'zh-Hans', 'ar']);
    } finally {
      kioskStream.close();
    }
    for (const token of [scene.kiosk.token, scene.rover.token, await admin()]) {
      const branch = (await server.ok('GET', path, { token }, 200)) as Json;
      expect(branch.languages).toEqual(['es', 'en', 'zh-Hans', 'ar']);
    }
    const listed = (await server.ok('GET', '/api/branches', { token: await admin() }, 200))
      .branches as Json[];
    expect(listed.find((b) => b.id === scene.branchId).languages).toEqual([
      'es',
      'en',
      'zh-Hans',
      'ar',
    ]);

    for (const languages of [
      [],
      ['not a tag'],
      ['es', 'ES'],
      ['zh-hans', 'zh-Hans'],
      ['e'],
      'es',
    ]) {
      const answer = await server.call('PATCH', path, {
        token: await admin(),
        body: { languages },
      });
      expectError(answer, 400, 'invalid');
    }
    expectError(
      await server.call('PATCH', path, { token: scene.rover.token, body: { languages: ['fr'] } }),
      403,
      'forbidden',
    );
    expect((await server.ok('GET', path, { token: scene.kiosk.token }, 200)).languages).toEqual([
      'es',
      'en',
      'zh-Hans',
      'ar',
    ]);
  });

  it('a supervisor writes topic labels per language; ?lang= answers them, else the default', async () => {
    const token = await admin();
    const scene = await server.scene();
    const { branchId, kiosk } = scene;
    await setLanguages(branchId, ['en', 'es', 'zh-Hans']);
    const made = await server.call('POST', `/api/branches/${branchId}/topics`, {
      token,
      body: {
        label: 'Family history',
        skill: 'history',
        labels: { es: ' Historia familiar ', 'zh-hans': '家谱', ar: '  ' },
      },
    });
    expect(made.status, made.text).toBe(201);
    // Canonical tags, trimmed labels, blank ones left out.
    expect(made.body.topic.labels).toEqual({ es: 'Historia familiar', 'zh-Hans': '家谱' });
    const id = made.body.topic.id as string;

    const topicIn = async (lang?: string, as = kiosk.token) => {
      const query = lang === undefined ? '' : `?lang=${encodeURIComponent(lang)}`;
      const answer = await server.ok(
        'GET',
        `/api/branches/${branchId}/topics${query}`,
        { token: as },
        200,
      );
      return (answer.topics as Json[]).find((t) => t.id === id);
    };
    expect(await topicIn()).toMatchObject({
      label: 'Family history',
      labels: { es: 'Historia familiar', 'zh-Hans': '家谱' },
    });
    expect((await topicIn('es')).label).toBe('Historia familiar');
    // The primary subtag matches: Mexican Spanish reads the Spanish label.
    expect((await topicIn('es-MX')).label).toBe('Historia familiar');
    expect((await topicIn('ES')).label).toBe('Historia familiar');
    expect((await topicIn('zh-Hans')).label).toBe('家谱');
    expect((await topicIn('zh')).label).toBe('家谱');
    // No French label: the default, as does every topic with no translations.
    expect((await topicIn('fr')).label).toBe('Family history');
    const starters = (
      await server.ok('GET', `/api/branches/${branchId}/topics?lang=es`, { token }, 200)
    ).topics as Json[];
    expect(starters.find((t) => t.id === 'tech')).toMatchObject({
      label: 'Computers, phones and printing',
      labels: {},
    });
    expect((await topicIn('es', scene.rover.token)).label).toBe('Historia familiar');

    // A PATCH replaces the translations as a whole; the kiosk stream hears it.
    const stream = await server.openStream('/api/kiosk/events', { token: kiosk.token });
    try {
      await stream.next('snapshot');
      const patched = await server.call('PATCH', `/api/branches/${branchId}/topics/${id}`, {
        token,
        body: { labels: { es: 'Genealogía' } },
      });
      expect(patched.status, patched.text).toBe(200);
      expect(patched.body.topic).toMatchObject({
        label: 'Family history',
        labels: { es: 'Genealogía' },
      });
      const heard = (await stream.next('topic')).json as Json;
      expect(heard.topic.labels).toEqual({ es: 'Genealogía' });
    } finally {
      stream.close();
    }
    expect((await topicIn('zh-Hans')).label).toBe('Family history');
    expect((await topicIn('es')).label).toBe('Genealogía');

    for (const body of [
      { labels: { 'not a tag': 'x' } },
      { labels: { es: 'x'.repeat(61) } },
      { labels: { es: 'a\u0000b' } },
      { labels: { es: 'x', ES: 'y' } },
      { labels: ['es'] },
    ]) {
      const answer = await server.call('PATCH', `/api/branches/${branchId}/topics/${id}`, {
        token,
        body,
      });
      expectError(answer, 400, 'invalid');
    }
    expectError(
      await server.get(`/api/branches/${branchId}/topics?lang=not%20a%20tag`, kiosk.token),
      400,
      'invalid',
    );
    // Only an admin writes them.
    expectError(
      await server.call('PATCH', `/api/branches/${branchId}/topics/${id}`, {
        token: scene.rover.token,
        body: { labels: { es: 'x' } },
      }),
      403,
      'forbidden',
    );
  });

  it('staff record the languages they speak, changed with PATCH', async () => {
    const token = await admin();
    const branchId = await server.newBranch();
    const made = await server.ok(
      'POST',
      '/api/staff',
      {
        token,
        body: {
          displayName: 'Ana',
          pin: '2468',
          skills: ['tech'],
          branchIds: [branchId],
          languages: ['es'],
        },
      },
      201,
    );
    expect(made.languages).toEqual(['es']);
    const patched = await server.ok(
      'PATCH',
      `/api/staff/${made.id}`,
      { token, body: { languages: ['es', 'ar'] } },
      200,
    );
    expect(patched.staff.languages).toEqual(['es', 'ar']);
    const list = (await server.ok('GET', '/api/staff', { token }, 200)).staff as Json[];
    expect(list.find((s) => s.id === made.id).languages).toEqual(['es', 'ar']);
    expectError(
      await server.call('PATCH', `/api/staff/${made.id}`, {
        token,
        body: { languages: ['es', 'es'] },
      }),
      400,
      'invalid',
    );
  });

  it("a kiosk's request records the patron's language: one of the branch's, or 400", async () => {
    const scene = await server.scene();
    await setLanguages(scene.branchId, ['en', 'es']);
    const topicId = (await server.topicIds(scene.branchId, scene.kiosk.token))[0]!;
    const staffStream = await server.openStream(`/api/branches/${scene.branchId}/events`, {
      token: scene.rover.token,
    });
    const kioskStream = await server.openStream('/api/kiosk/events', { token: scene.kiosk.token });
    try {
      await staffStream.next('snapshot');
      await kioskStream.next('snapshot');
      const id = randomUUID();
      const made = await server.post(
        '/api/requests',
        { id, topicId, language: 'ES' },
        scene.kiosk.token,
      );
      expect(made.status, made.text).toBe(201);
      // Kept as the branch spells it.
      expect(made.body.request.language).toBe('es');
      expect(((await staffStream.next('request')).json as Json).request.language).toBe('es');
      expect(((await kioskStream.next('request')).json as Json).request.language).toBe('es');
      const read = await server.ok('GET', `/api/requests/${id}`, { token: scene.rover.token }, 200);
      expect(read.request.language).toBe('es');
      const claimed = await server.must(scene.rover.token, id, 'claim');
      expect(claimed.language).toBe('es');
      const open = await server.ok(
        'GET',
        `/api/branches/${scene.branchId}/requests`,
        { token: scene.rover.token },
        200,
      );
      expect(open.requests.find((r: Json) => r.id === id).language).toBe('es');
      // A fresh stream's snapshot shows it too.
      const fresh = await server.openStream(`/api/branches/${scene.branchId}/events`, {
        token: scene.rover.token,
      });
      try {
        const snapshot = (await fresh.next('snapshot')).json as Json;
        expect(snapshot.requests.find((r: Json) => r.id === id).language).toBe('es');
      } finally {
        fresh.close();
      }
      // Without a language, none is recorded.
      const plain = await server.createRequest(scene.kiosk);
      expect(plain.language).toBeUndefined();
    } finally {
      staffStream.close();
      kioskStream.close();
    }

    // The patron's follow link names the topic in the language they asked in.
    const tech = (
      await server.ok(
        'GET',
        `/api/branches/${scene.branchId}/topics`,
        { token: await admin() },
        200,
      )
    ).topics.find((t: Json) => t.id === topicId);
    await server.ok(
      'PATCH',
      `/api/branches/${scene.branchId}/topics/${topicId}`,
      { token: await admin(), body: { labels: { es: 'Computadoras' } } },
      200,
    );
    for (const [language, label] of [
      ['es', 'Computadoras'],
      ['en', tech.label],
      [undefined, tech.label],
    ]) {
      const asked = await server.ok(
        'POST',
        '/api/requests',
        { token: scene.kiosk.token, body: { id: randomUUID(), topicId, language } },
        201,
      );
      const token = new URL(asked.followUrl).pathname.split('/').pop();
      const follow = await server.ok('GET', `/api/follow/${token}`, {}, 200);
      expect(follow.request.topicLabel, String(language)).toBe(label);
    }

    // A language the branch's kiosks do not offer, or no tag at all: 400, and nothing made.
    for (const language of ['fr', 'es-MX', 'zh', 'not a tag', 'e', 7]) {
      const id = randomUUID();
      const answer = await server.post(
        '/api/requests',
        { id, topicId, language },
        scene.kiosk.token,
      );
      expectError(answer, 400, 'invalid');
      expectError(await server.get(`/api/requests/${id}`, scene.rover.token), 404, 'not_found');
    }
    // Staff may record any language a patron in front of them speaks.
    const walkUp = await server.post(
      '/api/requests',
      { id: randomUUID(), topicId, origin: 'walk-up', language: 'fr' },
      scene.rover.token,
    );
    expect(walkUp.status, walkUp.text).toBe(201);
    expect(walkUp.body.request.language).toBe('fr');
  });
});
