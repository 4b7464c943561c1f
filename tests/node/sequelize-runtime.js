// Loads exported Sequelize models, syncs them with force:true while recording every SQL statement, runs the
// example's scenario and prints one JSON report on stdout. The connection comes from the export's own
// config/database.js (DATABASE_URL, else the SQLite file DATABASE_STORAGE).
//   node sequelize-runtime.js EXPORT_DIR seed|shop|hostile SQL_LOG_FILE
'use strict';
const fs = require('fs');
const path = require('path');

const [exportDir, scenario, sqlLog] = process.argv.slice(2);
const db = require(path.resolve(exportDir, 'models'));

const statements = [];
db.sequelize.options.logging = (sql) => statements.push(sql.replace(/^Executing \([^)]*\): /, ''));

const scenarios = {
  // The seed's own call (sequelize-associations.md), unmodified.
  async seed() {
    const user = await db.testUser.create(
      {
        name: "Pavitar",
        email: "1@gmail.com",
        user_test: {
          code: "1234",
        },
      },
      {
        include: {
          model: db.test,
          as: 'user_test',
        },
      }
    );
    return {
      userId: user.id,
      users: await db.testUser.findAll({ raw: true, attributes: ['id', 'name', 'email'] }),
      tests: await db.test.findAll({ raw: true, attributes: ['id', 'code', 'userId'] }),
    };
  },

  // A customer with its profile and orders, then an order with products through orderItem.
  async shop() {
    const customer = await db.customer.create(
      {
        name: 'Ada',
        email: 'ada@example.com',
        profile: { bio: 'Likes engines', website: 'https://example.com' },
        orders: [{ total: '12.50' }, { status: 'paid', total: '3.00' }],
      },
      { include: [{ model: db.profile, as: 'profile' }, { model: db.order, as: 'orders' }] }
    );
    const order = await db.order.create(
      {
        customerId: customer.id,
        total: '7.00',
        products: [
          { sku: 'BOLT-1', name: 'Bolt', price: '0.25', orderItem: { quantity: 4, unitPrice: '0.25' } },
          { sku: 'NUT-2', name: 'Nut', price: '0.10', orderItem: { quantity: 10, unitPrice: '0.10' } },
        ],
      },
      { include: [{ model: db.product, as: 'products' }] }
    );
    const loaded = await db.order.findByPk(order.id, {
      include: [{ model: db.product, as: 'products' }, { model: db.customer, as: 'customer' }],
    });
    let rejected = null;
    try {
      await db.customer.create({ name: 'Bob', email: 'not-an-email' });
    } catch (error) {
      rejected = error.name;
    }
    return {
      customerId: customer.id,
      orderId: order.id,
      profiles: await db.profile.findAll({ raw: true, attributes: ['customerId', 'bio'] }),
      orders: await db.order.findAll({
        raw: true, attributes: ['id', 'customerId', 'status', 'total'], order: [['id', 'ASC']],
      }),
      items: await db.orderItem.findAll({ raw: true, attributes: ['orderId', 'quantity', 'unitPrice'] }),
      products: await db.product.findAll({ raw: true, attributes: ['id', 'sku', 'stock'] }),
      loadedProducts: loaded.products.map((p) => p.sku).sort(),
      loadedCustomer: loaded.customer.email,
      customers: await db.customer.count(),
      rejected,
    };
  },

  // Names Sequelize itself can carry: the models load and sync, and a row goes in and comes back.
  async hostile() {
    const user = await db.user.create({ select: "x'); DROP TABLE y; --", "it's": 'fine' });
    const back = await db.user.findByPk(user.id, { raw: true });
    return { select: back.select, itS: back["it's"] };
  },
};

(async () => {
  await db.sequelize.sync({ force: true });
  const result = await scenarios[scenario]();
  await db.sequelize.close();
  fs.writeFileSync(sqlLog, statements.join('\n') + '\n');
  process.stdout.write(JSON.stringify(result) + '\n');
})().catch((error) => {
  fs.writeFileSync(sqlLog, statements.join('\n') + '\n');
  console.error(error && error.stack ? error.stack : error);
  if (error && error.original) console.error('original:', error.original.message, error.sql || '');
  process.exit(1);
});
