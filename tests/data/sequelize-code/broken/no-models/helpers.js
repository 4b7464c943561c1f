// A folder of JavaScript that defines no Sequelize model.
module.exports = { add: (a, b) => a + b };
