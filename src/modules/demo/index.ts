// The demo content's public surface: the pilot forum's requests, offers and pairings, seeded by a job.
export { DEMO_JOB, demoJobs } from "./jobs";
export { DEMO_OFFERS, DEMO_PAIRINGS, DEMO_REQUESTS } from "./pilot-forum";
export { seedDemoContent } from "./use-cases/seed-demo-content";
