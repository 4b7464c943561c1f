// The seed keeps its associations apart from the models.
const testUser = require('./testUser');
const test = require('./test');

testUser.hasOne(test, { as: 'user_test', foreignKey: 'userId' });
test.belongsTo(testUser, { foreignKey: 'userId' });
