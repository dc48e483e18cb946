export * from './agent.js';
export * from './customer.js';
export * from './define.js';
